package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.cli.CliTest.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run is a pure function of the scenario and its seed: the result files are the same, byte for
 * byte apart from {@code wall_s}, whatever {@code --jobs}, in another JVM, and under a German
 * locale (whose decimal separator is a comma; CSV and JSON keep the point).
 */
class DeterminismTest {

  /** The files compared; charts and the HTML report are drawings of these. */
  static final List<String> FILES =
      List.of("summary.json", "timeseries.csv", "timeline.md", "scenario.resolved.yaml");

  @TempDir static Path tmp;

  /** The reference: --jobs 1, in this JVM, default locale. */
  static Map<String, String> reference;

  static String[] args(Path out, String jobs) throws Exception {
    return new String[] {
      "run",
      CliTest.resource("tiny.yaml"),
      "--replications",
      "3",
      "--horizon",
      "40s",
      "--jobs",
      jobs,
      "-o",
      out.toString(),
      "--quiet",
      "--no-charts"
    };
  }

  @BeforeAll
  static void runReference() throws Exception {
    Path out = tmp.resolve("jobs1");
    Result r = CliTest.cascade(args(out, "1"));
    assertThat(r.code()).as(r.err()).isZero();
    reference = files(out);
    assertThat(reference.get("summary.json")).contains("\"wall_s\": <wall>");
  }

  /** The compared files of {@code dir}, with the wall time blanked. */
  static Map<String, String> files(Path dir) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String f : FILES) {
      String text = Files.readString(dir.resolve(f), StandardCharsets.UTF_8);
      out.put(f, text.replaceAll("\"wall_s\"\\s*:\\s*[0-9.eE+-]+", "\"wall_s\": <wall>"));
    }
    return out;
  }

  @Test
  void jobs2_sameFilesAsJobs1() throws Exception {
    Path out = tmp.resolve("jobs2");
    Result r = CliTest.cascade(args(out, "2"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(files(out)).isEqualTo(reference);
  }

  @Test
  void germanDefaultLocale_inThisJvm_sameFiles() throws Exception {
    Locale saved = Locale.getDefault();
    Path out = tmp.resolve("de-inprocess");
    try {
      Locale.setDefault(Locale.GERMANY);
      Result r = CliTest.cascade(args(out, "2"));
      assertThat(r.code()).as(r.err()).isZero();
    } finally {
      Locale.setDefault(saved);
    }
    assertThat(files(out)).isEqualTo(reference);
    assertThat(reference.get("timeseries.csv")).matches("(?s).*\\d\\.\\d.*");
  }

  @Test
  void twoSeparateJvms_andGermanLocale_sameFiles() throws Exception {
    Path first = tmp.resolve("jvm1");
    Path second = tmp.resolve("jvm2");
    Path german = tmp.resolve("jvm-de");
    // Started together: the three JVMs overlap, which also keeps the test short.
    Process p1 = cascadeJvm(List.of(), Map.of("LANG", "C.UTF-8"), args(first, "2"));
    Process p2 = cascadeJvm(List.of(), Map.of("LANG", "C.UTF-8"), args(second, "1"));
    Process p3 =
        cascadeJvm(
            List.of("-Duser.language=de", "-Duser.country=DE"),
            Map.of("LANG", "de_DE.UTF-8", "LC_ALL", "de_DE.UTF-8"),
            args(german, "2"));
    for (Process p : List.of(p1, p2, p3)) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
      assertThat(p.exitValue()).as(log(p)).isZero();
    }
    assertThat(files(first)).isEqualTo(reference);
    assertThat(files(second)).isEqualTo(reference);
    assertThat(files(german)).isEqualTo(reference);
  }

  /** What a child JVM printed. */
  static String log(Process p) throws IOException {
    return Files.readString(LOGS.get(p.pid()));
  }

  private static final Map<Long, Path> LOGS = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Starts {@code java -cp <this test's classpath> dev.cascade.cli.Main args}, stdout and stderr
   * merged into a file ({@link #log}).
   */
  static Process cascadeJvm(List<String> jvmOptions, Map<String, String> env, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-XX:TieredStopAtLevel=1"); // short runs: start fast
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(testClassPath());
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    Path log = Files.createTempFile("cascade-child-", ".log");
    log.toFile().deleteOnExit();
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    LOGS.put(p.pid(), log);
    return p;
  }

  /** The classpath the tests run with (surefire's, when it hides it behind a manifest jar). */
  static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    String cp =
        surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    return cp;
  }
}
