package dev.cascade.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SparkSweep} in {@code local[2]}, bound to 127.0.0.1: the same files as a local {@code
 * cascade sweep} of the same scenario, apart from {@code wall_s}.
 */
class SparkSweepTest {

  /** 3 sweep points x 2 replications = 6 runs of plan.yaml. */
  private static final String[] SWEEP = {"--param", "app.threads=1,2,4", "--replications", "2"};

  /** Spark settings for a test on one machine: loopback only, no web UI. */
  private static final Map<String, String> LOCAL =
      Map.of(
          "spark.master", "local[2]",
          "spark.app.name", "cascade-spark-test",
          "spark.driver.host", "127.0.0.1",
          "spark.driver.bindAddress", "127.0.0.1",
          "spark.ui.enabled", "false");

  @TempDir static Path tmp;
  static String scenario;
  static Path local;

  @BeforeAll
  static void localSweep() throws Exception {
    scenario = resource("plan.yaml");
    local = tmp.resolve("local");
    List<String> args =
        new ArrayList<>(
            List.of("sweep", scenario, "-o", local.toString(), "--quiet", "--no-charts"));
    args.addAll(Arrays.asList(SWEEP));
    Out o = new Out();
    int code = Main.execute(args.toArray(new String[0]), o.out, o.err);
    assertThat(code).as(o.text()).isZero();
  }

  @Test
  void localTwo_sameFilesAsLocalSweep() throws Exception {
    Path dir = tmp.resolve("spark");
    SparkConf conf = new SparkConf(false);
    LOCAL.forEach(conf::set);
    Out o = new Out();
    int code;
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      code = SparkSweep.run(sc, args(dir, "--partitions", "3", "--no-charts"), o.out, o.err);
    }
    assertThat(code).as(o.text()).isZero();
    assertThat(o.text()).contains("6 run(s) (3 sweep point(s) x 2 replication(s)) on Spark in 3");
    assertSameAsLocal(dir);
  }

  /** The spark-submit entry point: spark-submit hands the master and settings over as spark.*. */
  @Test
  void main_readsSparkSettingsLikeSparkSubmit_andWritesCharts() throws Exception {
    Path dir = tmp.resolve("main");
    LOCAL.forEach(System::setProperty);
    try {
      SparkSweep.main(args(dir));
    } finally {
      LOCAL.keySet().forEach(System::clearProperty);
    }
    assertSameAsLocal(dir);
    assertThat(dir.resolve("report.html")).isRegularFile();
  }

  @Test
  void badInput_exitsTwoBeforeStartingAnything() {
    Out o = new Out();
    assertThat(SparkSweep.run(null, new String[] {scenario}, o.out, o.err)).isEqualTo(2);
    assertThat(o.text()).contains("--out");
    Out p = new Out();
    assertThat(
            SparkSweep.run(
                null,
                new String[] {scenario, "--out", tmp.resolve("x").toString(), "--partitions", "0"},
                p.out,
                p.err))
        .isEqualTo(2);
    assertThat(p.text()).contains("--partitions must be at least 1");
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  private static String[] args(Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of(scenario, "--out", out.toString()));
    args.addAll(Arrays.asList(SWEEP));
    args.addAll(Arrays.asList(extra));
    return args.toArray(new String[0]);
  }

  private static void assertSameAsLocal(Path dir) throws Exception {
    assertThat(withoutWall(dir.resolve("summary.json")))
        .isEqualTo(withoutWall(local.resolve("summary.json")));
    for (String f :
        List.of("sweep.csv", "timeseries.csv", "timeline.md", "scenario.resolved.yaml")) {
      assertThat(Files.mismatch(dir.resolve(f), local.resolve(f))).as(f).isEqualTo(-1L);
    }
  }

  private static String withoutWall(Path summary) throws Exception {
    String text = Files.readString(summary, StandardCharsets.UTF_8);
    assertThat(text).contains("\"wall_s\"");
    return text.replaceFirst("\"wall_s\": [0-9.Ee-]+", "\"wall_s\": X");
  }

  private static String resource(String name) throws URISyntaxException {
    return Path.of(SparkSweepTest.class.getResource("/" + name).toURI()).toString();
  }

  private static final class Out {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    final PrintStream err = out;

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
