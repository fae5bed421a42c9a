package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every subcommand through {@link Main#execute}, with captured output and exit codes. */
class CliTest {

  @TempDir Path tmp;

  record Result(int code, String out, String err) {}

  static Result cascade(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.execute(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String resource(String name) throws Exception {
    return Path.of(CliTest.class.getResource("/" + name).toURI()).toString();
  }

  @Test
  void list_showsBuiltIns() {
    Result r = cascade("list");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("url-shortener-redis-down");
  }

  @Test
  void version_onEverySubcommand() {
    assertThat(cascade("--version").out()).startsWith("cascade ");
    assertThat(cascade("run", "--version").out()).startsWith("cascade ");
    assertThat(cascade("estimate", "--help").out()).contains("Back-of-envelope");
  }

  @Test
  void mistypedSubcommand_suggestsClosest_exit2() {
    Result r = cascade("rnu", "x");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("run");
    Result o = cascade("run", "--quite", "x");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("--quiet");
  }

  @Test
  void validate_goodFile_ok_badFile_listsEveryErrorWithPosition() throws Exception {
    Result good = cascade("validate", resource("tiny.yaml"));
    assertThat(good.code()).isZero();
    assertThat(good.out()).contains("ok");
    Result bad = cascade("validate", resource("bad.yaml"));
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("bad.yaml:6:11").contains("100kk/s");
    assertThat(bad.err()).contains("bad.yaml:10:").contains("threads");
    assertThat(bad.err()).contains("bad.yaml:11:").contains("stepz");
    assertThat(bad.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void run_writesTheOutputFolder_andPrintsKeyNumbers() throws Exception {
    Path out = tmp.resolve("run");
    Result r = cascade("run", resource("tiny.yaml"), "-o", out.toString(), "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    for (String f :
        List.of(
            "summary.json",
            "timeseries.csv",
            "timeline.md",
            "scenario.resolved.yaml",
            "report.html")) {
      assertThat(out.resolve(f)).exists();
    }
    assertThat(Files.list(out.resolve("charts")).count()).isGreaterThan(3);
    assertThat(r.out()).contains("users p99 ms").contains("PASS");
    JsonNode summary = JsonMapper.builder().build().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("scenario").asString()).isEqualTo("tiny");
    assertThat(summary.get("variants").has("more-threads")).isTrue();
  }

  @Test
  void run_proportionalPools_saysSoInTheSummaryTheReportAndTheOutput() throws Exception {
    Path out = tmp.resolve("pools");
    Result r =
        cascade(
            "run",
            resource("tiny.yaml"),
            "--set",
            "scale=1/4",
            "--set",
            "scale_pools=proportional",
            "--variant",
            "more-threads",
            "-o",
            out.toString(),
            "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("scale 0.25").contains("pools proportional");
    JsonNode summary = JsonMapper.builder().build().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("scale").asDouble()).isEqualTo(0.25);
    assertThat(summary.get("scale_pools").asString()).isEqualTo("proportional");
    assertThat(Files.readString(out.resolve("report.html")))
        .contains("1/4: a proportional slice")
        .contains("its share of a real one");
    // Per-unit (the default) writes no scale_pools field: summaries of existing files are
    // unchanged.
    Path plain = tmp.resolve("plain");
    Result p =
        cascade(
            "run",
            resource("tiny.yaml"),
            "--set",
            "scale=1/4",
            "--variant",
            "more-threads",
            "--no-charts",
            "-o",
            plain.toString(),
            "--quiet");
    assertThat(p.code()).as(p.err()).isZero();
    assertThat(p.out()).doesNotContain("pools proportional");
    assertThat(
            JsonMapper.builder()
                .build()
                .readTree(plain.resolve("summary.json").toFile())
                .has("scale_pools"))
        .isFalse();
  }

  @Test
  void run_badScenario_exit2_nothingWritten() throws Exception {
    Path out = tmp.resolve("bad");
    Result r = cascade("run", resource("bad.yaml"), "-o", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(out).doesNotExist();
    assertThat(r.err()).contains("bad.yaml:6:11");
  }

  @Test
  void check_failingCheck_exit1_withValidJunitXml() throws Exception {
    Path junit = tmp.resolve("junit.xml");
    Result r =
        cascade(
            "check",
            resource("tiny.yaml"),
            "--set",
            "app.steps[0].work=const(500ms)",
            "--no-charts",
            "--quiet",
            "-o",
            tmp.resolve("chk").toString(),
            "--junit",
            junit.toString());
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("FAIL");
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("testsuites");
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(2);
    assertThat(doc.getElementsByTagName("failure").getLength()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void check_onWindowPastAShortenedHorizon_failsAndSaysWhy() throws Exception {
    // tiny.yaml (Redis down 30-40 s) plus a check on the window after the fault, run for 35 s.
    Path file = tmp.resolve("late.yaml");
    Files.writeString(
        file,
        Files.readString(Path.of(resource("tiny.yaml")))
            .replace(
                "checks:\n",
                "checks:\n  - {metric: users.rate_503, window: after, stat: value, max: 0.5}\n"));
    Path junit = tmp.resolve("late.xml");
    Result r =
        cascade(
            "check",
            file.toString(),
            "--horizon",
            "35s",
            "--no-charts",
            "--quiet",
            "-o",
            tmp.resolve("late").toString(),
            "--junit",
            junit.toString());
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains("[no data: window after starts at 35 s and the run ends at 35 s]")
        .contains("users.rate_503 all value = ");
    assertThat(Files.readString(junit)).contains("window after starts at 35 s");
  }

  @Test
  void check_passingChecks_exit0() throws Exception {
    Result r =
        cascade(
            "check",
            resource("tiny.yaml"),
            "--no-charts",
            "--quiet",
            "-o",
            tmp.resolve("ok").toString());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
  }

  @Test
  void estimate_incidentE_perNodeNumbers() {
    Result r = cascade("estimate", "url-shortener-redis-down");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("12.5k/s of 50k/s").contains("62.5k/s of 50k/s");
    assertThat(r.out()).contains("over capacity by 25%");
  }

  @Test
  void explain_printsTimelineRelativeToFirstFault() throws Exception {
    Result r =
        cascade(
            "explain",
            resource("tiny.yaml"),
            "--variant",
            "more-threads",
            "--no-charts",
            "--quiet",
            "-o",
            tmp.resolve("ex").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("T+0s").contains("redis crashed").contains("T+10s");
  }

  @Test
  void plan_findsTheSmallestThreadCount() throws Exception {
    // Uniform arrivals at 100/s of constant 50 ms work need exactly 5 threads: with 4 the queue
    // overflows and requests are rejected.
    Result r =
        cascade(
            "plan",
            resource("plan.yaml"),
            "--vary",
            "app.threads=1..16",
            "--goal",
            "users.rate_503:all:value<=0.001",
            "--quiet",
            "--no-charts",
            "-o",
            tmp.resolve("plan").toString());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("answer: app.threads=5");
    assertThat(r.out()).contains("probe");
  }

  @Test
  void plan_onlyThePlannedVariantMustTakeTheProbedValues() throws Exception {
    // The second variant warms up for 20 s: a horizon of 10 s is invalid for it alone.
    Path file = tmp.resolve("plan-variants.yaml");
    Files.writeString(
        file,
        Files.readString(Path.of(resource("plan.yaml")))
            + "variants:\n  first: {}\n  late-warmup:\n    set: {warmup: 20s}\n");
    String[] args = {
      "plan",
      file.toString(),
      "--vary",
      "horizon=10s..40s",
      "--goal",
      "users.rate_503:all:value<=0.9",
      "--quiet",
      "--no-charts",
      "-o",
      tmp.resolve("plan3").toString()
    };
    Result first = cascade(args);
    assertThat(first.code()).as(first.out() + first.err()).isZero();
    assertThat(first.out()).contains("answer: horizon=10s");
    Result late = cascade(concat(args, new String[] {"--variant", "late-warmup"}));
    assertThat(late.code()).isEqualTo(2);
    assertThat(late.err()).contains("warmup").contains("(variant late-warmup)");
  }

  @Test
  void plan_noValueMeetsGoal_exit1() throws Exception {
    Result r =
        cascade(
            "plan",
            resource("plan.yaml"),
            "--vary",
            "app.threads=1..4",
            "--goal",
            "users.rate_503:all:value<=0.001",
            "--quiet",
            "--no-charts",
            "-o",
            tmp.resolve("plan2").toString());
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
  }

  @Test
  void schema_isJson_withTheTopLevelFields() {
    Result r = cascade("schema");
    assertThat(r.code()).isZero();
    JsonNode s = JsonMapper.builder().build().readTree(r.out());
    List<String> fields = new ArrayList<>();
    s.get("properties").propertyNames().forEach(fields::add);
    assertThat(fields).contains("scenario", "workload", "components", "faults", "checks");
  }

  @Test
  void show_printsResolvedYaml_withVariantApplied() throws Exception {
    Result r = cascade("show", resource("tiny.yaml"), "--variant", "more-threads");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("threads: 20");
  }

  @Test
  void variantOption_anOverrideThatBreaksAnotherVariantFailsOnlyCommandsUsingIt() throws Exception {
    // tiny.yaml plus a variant ending at 25 s: a fault moved to 28 s is past its horizon only.
    Path file = tmp.resolve("two.yaml");
    Files.writeString(
        file,
        Files.readString(Path.of(resource("tiny.yaml")))
            .replace("variants:\n", "variants:\n  short:\n    set: {horizon: 25s}\n"));
    String[] common = {"--set", "faults[0].at=28s", "--no-charts", "--quiet"};
    Result all = cascade(concat(new String[] {"run", file.toString(), "-o", tmp + "/all"}, common));
    assertThat(all.code()).isEqualTo(2);
    assertThat(all.err()).contains("faults[0].at").contains("(variant short)");
    assertThat(tmp.resolve("all")).doesNotExist();

    Result one =
        cascade(
            concat(
                new String[] {
                  "run", file.toString(), "--variant", "more-threads", "-o", tmp + "/one"
                },
                common));
    assertThat(one.code()).as(one.err()).isZero();
    assertThat(Files.readString(tmp.resolve("one/summary.json")))
        .contains("\"more-threads\"")
        .doesNotContain("\"short\"");

    Result typo =
        cascade(
            concat(
                new String[] {"run", file.toString(), "--variant", "shrot", "-o", tmp + "/t"},
                common));
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err()).contains("--variant:1:1: no variant \"shrot\"").contains("\"short\"");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void unknownVariant_exit2() throws Exception {
    Result r = cascade("run", resource("tiny.yaml"), "--variant", "nope");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("more-threads");
  }

  @Test
  void relativeTimes_roundBeforeSplitting() {
    assertThat(ExplainCommand.relative(0)).isEqualTo("T+0s");
    assertThat(ExplainCommand.relative(9.04)).isEqualTo("T+9s");
    assertThat(ExplainCommand.relative(59.97)).isEqualTo("T+1m00s");
    assertThat(ExplainCommand.relative(17 * 60 + 59.6)).isEqualTo("T+18m00s");
    assertThat(ExplainCommand.relative(-12.5)).isEqualTo("T-12.5s");
    assertThat(ExplainCommand.relative(2 * 3600 + 59 * 60 + 50)).isEqualTo("T+3h00m");
  }
}
