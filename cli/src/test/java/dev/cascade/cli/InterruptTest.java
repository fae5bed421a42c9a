package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.cli.CliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ctrl-C in the middle of a run, sent to a real {@code cascade} process: it exits with 130 (143
 * after SIGTERM), and the output folder is the previous one untouched or a complete new one (every
 * standard file, a {@code summary.json} that parses and says the runs are incomplete), never a
 * half-written one, and no temporary folder is left behind.
 */
class InterruptTest {

  @TempDir Path tmp;

  /** Two runs of about a minute each: interrupted long before they end. */
  static final String LONG =
      """
      scenario: long
      horizon: 1h
      replications: 2
      workload:
        users:
          entry: app
          rate: 50k/s
      components:
        app:
          kind: service
          instances: 1
          threads: 100
          steps:
            - work: exp(1ms)
      """;

  @Test
  void interruptedRun_keepsThePreviousFolder_orWritesACompleteOne() throws Exception {
    Path scenario = Files.writeString(tmp.resolve("long.yaml"), LONG);
    Path out = tmp.resolve("out");
    Result previous =
        CliTest.cascade(
            "run", scenario.toString(), "--horizon", "2s", "-o", out.toString(), "--quiet");
    assertThat(previous.code()).as(previous.err()).isZero();
    String previousSummary = Files.readString(out.resolve("summary.json"));

    int code = interrupt(scenario, out);

    assertThat(code).isIn(130, 143);
    String summary = Files.readString(out.resolve("summary.json"));
    if (!summary.equals(previousSummary)) {
      assertComplete(out);
    }
    assertNoTemporaryFolders();
  }

  @Test
  void interruptedRun_withoutPreviousFolder_writesNothingOrACompleteOne() throws Exception {
    Path scenario = Files.writeString(tmp.resolve("long.yaml"), LONG);
    Path out = tmp.resolve("fresh");
    assertThat(interrupt(scenario, out)).isIn(130, 143);
    if (Files.exists(out)) {
      assertComplete(out);
    }
    assertNoTemporaryFolders();
  }

  /**
   * Starts {@code cascade run} in a child JVM, lets it simulate for a few seconds, sends SIGINT
   * (SIGTERM where the child ignores SIGINT, as children of a non-interactive shell's background
   * jobs do), and returns its exit code.
   */
  private int interrupt(Path scenario, Path out) throws Exception {
    Process p =
        DeterminismTest.cascadeJvm(
            List.of(),
            Map.of(),
            "run",
            scenario.toString(),
            "-o",
            out.toString(),
            "--quiet",
            "--no-charts",
            "--jobs",
            "2");
    try {
      Thread.sleep(3000);
      assertThat(p.isAlive()).as("still running: %s", DeterminismTest.log(p)).isTrue();
      boolean sigint = !ignoresSigint(p.pid());
      if (sigint) {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
      } else {
        p.destroy(); // SIGTERM: runs the same shutdown hook
      }
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exits after the signal").isTrue();
      assertThat(p.exitValue()).as(DeterminismTest.log(p)).isEqualTo(sigint ? 130 : 143);
      assertThat(DeterminismTest.log(p)).doesNotContain("Exception");
      return p.exitValue();
    } finally {
      p.destroyForcibly();
    }
  }

  /** Whether process {@code pid} ignores SIGINT (Linux {@code /proc}; false when unknown). */
  static boolean ignoresSigint(long pid) throws IOException {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    if (!Files.isReadable(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        long mask = Long.parseUnsignedLong(line.substring(7).strip(), 16);
        return (mask & (1L << (2 - 1))) != 0; // SIGINT is signal 2
      }
    }
    return false;
  }

  private static void assertComplete(Path out) throws IOException {
    for (String f :
        List.of("summary.json", "timeseries.csv", "timeline.md", "scenario.resolved.yaml")) {
      assertThat(out.resolve(f)).isRegularFile();
    }
    JsonNode summary = JsonMapper.builder().build().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("scenario").asString()).isEqualTo("long");
    assertThat(summary.get("variants").get("baseline").get("incomplete").asBoolean()).isTrue();
    // no run finished: the header has no metric column
    assertThat(Files.readAllLines(out.resolve("timeseries.csv")).get(0)).startsWith("variant,t_s");
  }

  private void assertNoTemporaryFolders() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(f -> f.getFileName().toString()))
          .noneMatch(n -> n.contains(".tmp-") || n.contains(".old-"));
    }
  }
}
