package dev.cascade.cli;

import static dev.cascade.cli.CliTest.cascade;
import static dev.cascade.cli.CliTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.cli.CliTest.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cascade sweep --shard-count N} and {@code cascade merge}: same files as one machine. */
class ShardMergeTest {

  /** 3 sweep points x 2 replications = 6 runs of the tiny scenario. */
  private static final String[] SWEEP = {"--param", "app.threads=4,5,8", "--replications", "2"};

  @TempDir static Path tmp;
  static Path single;

  @BeforeAll
  static void singleMachineSweep() throws Exception {
    single = tmp.resolve("single");
    Result r = sweep("-o", single.toString());
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1); // tiny's p99 check fails at 4, 5
  }

  static Result sweep(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("sweep", resource("tiny.yaml"), "--quiet"));
    args.addAll(Arrays.asList(SWEEP));
    args.addAll(Arrays.asList(extra));
    return cascade(args.toArray(new String[0]));
  }

  static Path shards(String name, int count, String... extra) throws Exception {
    Path dir = tmp.resolve(name);
    for (int i = 0; i < count; i++) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--shard-count",
                  String.valueOf(count),
                  "--shard-index",
                  String.valueOf(i),
                  "-o",
                  dir.toString()));
      args.addAll(Arrays.asList(extra));
      Result r = sweep(args.toArray(new String[0]));
      assertThat(r.code()).as(r.out() + r.err()).isZero();
    }
    return dir;
  }

  private static String withoutWall(Path summary) throws Exception {
    return Files.readString(summary, StandardCharsets.UTF_8)
        .replaceFirst("\"wall_s\": [0-9.]+", "\"wall_s\": X");
  }

  private static void assertSameAsSingle(Path merged) throws Exception {
    assertThat(withoutWall(merged.resolve("summary.json")))
        .isEqualTo(withoutWall(single.resolve("summary.json")));
    for (String f :
        List.of("timeseries.csv", "timeline.md", "sweep.csv", "scenario.resolved.yaml")) {
      assertThat(Files.mismatch(merged.resolve(f), single.resolve(f))).as(f).isEqualTo(-1L);
    }
  }

  @Test
  void threeShardsMerged_sameFilesAsOneMachine() throws Exception {
    Path dir = shards("three", 3);
    try (Stream<Path> runs = Files.list(dir.resolve("shard-1-of-3/runs"))) {
      assertThat(runs.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("run-000001.json.gz", "run-000004.json.gz");
    }
    Path merged = tmp.resolve("merged3");
    Result r = cascade("merge", dir.toString(), "-o", merged.toString());
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1); // the same checks fail
    assertThat(r.out()).contains("merged 6 run(s)").contains("from 3 partial(s)");
    assertSameAsSingle(merged);
    try (Stream<Path> a = Files.list(single.resolve("charts"));
        Stream<Path> b = Files.list(merged.resolve("charts"))) {
      List<String> expected = a.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(expected).isNotEmpty();
      assertThat(b.map(p -> p.getFileName().toString()).sorted()).isEqualTo(expected);
    }
    assertThat(merged.resolve("report.html")).exists();
  }

  @Test
  void unevenAndEmptyShards_namedOneByOne_sameFiles() throws Exception {
    // 8 shards for 6 runs: shards 6 and 7 are empty, and merge takes the folders one by one.
    Path dir = shards("eight", 8, "--jobs", "1");
    List<String> args = new ArrayList<>(List.of("merge", "--no-charts"));
    for (int i = 7; i >= 0; i--) {
      args.add(dir.resolve("shard-" + i + "-of-8").toString());
    }
    Path merged = tmp.resolve("merged8");
    args.addAll(List.of("-o", merged.toString()));
    Result r = cascade(args.toArray(new String[0]));
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertSameAsSingle(merged);
    assertThat(merged.resolve("charts")).doesNotExist();
  }

  @Test
  void missingDuplicateOrForeignShards_exit2_nothingWritten() throws Exception {
    Path dir = shards("errors", 3);
    Path out = tmp.resolve("not-written");

    Result missing =
        cascade(
            "merge",
            dir.resolve("shard-0-of-3").toString(),
            dir.resolve("shard-2-of-3").toString(),
            "-o",
            out.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err())
        .contains("hold 4 of the sweep's 6 run(s)")
        .contains("run 1 (more-threads[app.threads=4], replication 2 of 2, shard 1)");

    Result twice =
        cascade(
            "merge", dir.toString(), dir.resolve("shard-1-of-3").toString(), "-o", out.toString());
    assertThat(twice.code()).isEqualTo(2);
    assertThat(twice.err()).contains("is in both").contains("pass each shard once");

    Path other = shards("other-seed", 3, "--seed", "99");
    Result foreign =
        cascade(
            "merge",
            dir.resolve("shard-0-of-3").toString(),
            dir.resolve("shard-1-of-3").toString(),
            other.resolve("shard-2-of-3").toString(),
            "-o",
            out.toString());
    assertThat(foreign.code()).isEqualTo(2);
    assertThat(foreign.err()).contains("not shards of the same sweep").contains("resolved.yaml");

    Result notPartial = cascade("merge", single.toString(), "-o", out.toString());
    assertThat(notPartial.code()).isEqualTo(2);
    assertThat(notPartial.err()).contains("is not a partial result");
    assertThat(out).doesNotExist();
    assertThat(missing.err() + twice.err() + foreign.err()).doesNotContain("Exception");
  }

  @Test
  void shardOptions_badValues_exit2() throws Exception {
    Result range =
        sweep("--shard-count", "3", "--shard-index", "3", "-o", tmp.resolve("x").toString());
    assertThat(range.code()).isEqualTo(2);
    assertThat(range.err()).contains("outside 0..2");
    Result indexOnly = sweep("--shard-index", "1", "-o", tmp.resolve("x").toString());
    assertThat(indexOnly.code()).isEqualTo(2);
    assertThat(indexOnly.err()).contains("--shard-index needs --shard-count");
  }

  @Test
  void shardIndex_fromOptionThenJobCompletionIndexThenSlurm() {
    Map<String, String> both = Map.of("JOB_COMPLETION_INDEX", "2", "SLURM_ARRAY_TASK_ID", "1");
    assertThat(ShardRun.index(0, 3, both::get)).isZero();
    assertThat(ShardRun.index(null, 3, both::get)).isEqualTo(2);
    assertThat(ShardRun.index(null, 3, Map.of("SLURM_ARRAY_TASK_ID", "1")::get)).isEqualTo(1);
    assertThatThrownBy(() -> ShardRun.index(null, 3, Map.<String, String>of()::get))
        .isInstanceOf(Main.UserError.class)
        .hasMessageContaining("JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID");
    assertThatThrownBy(() -> ShardRun.index(null, 3, Map.of("SLURM_ARRAY_TASK_ID", "3")::get))
        .isInstanceOf(Main.UserError.class)
        .hasMessageContaining("--array=0-2");
    assertThatThrownBy(() -> ShardRun.index(null, 3, Map.of("JOB_COMPLETION_INDEX", "x")::get))
        .isInstanceOf(Main.UserError.class)
        .hasMessageContaining("not a shard index");
  }

  @Test
  void assignment_everyRunInExactlyOneShard() {
    for (int total : new int[] {0, 1, 6, 17}) {
      for (int count = 1; count <= 7; count++) {
        int[] seen = new int[total];
        for (int i = 0; i < count; i++) {
          for (int k : ShardRun.assigned(total, i, count)) {
            assertThat(k % count).isEqualTo(i);
            seen[k]++;
          }
        }
        assertThat(Arrays.stream(seen).allMatch(n -> n == 1)).as(total + "/" + count).isTrue();
      }
    }
  }
}
