package dev.cascade.scenario.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.core.result.SimEvent;
import dev.cascade.scenario.Fixtures;
import dev.cascade.scenario.run.RunOptions;
import dev.cascade.scenario.run.ScenarioResult;
import dev.cascade.scenario.run.ScenarioRunner;
import dev.cascade.scenario.spec.Scenario;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ResultFilesTest {

  private static final String TEXT =
      Fixtures.SMALL
          + "variants:\n  a: {}\n  b:\n    set: {app.threads: 2}\n"
          + "sweep:\n  db.nodes: [1, 2]\n"
          + "checks:\n"
          + "  - {metric: web.rate_503, window: outage, max: 0.5}\n"
          + "  - {metric: db.utilization, max: 2, variant: b}\n";

  private static ScenarioResult result;

  @TempDir Path tmp;

  @BeforeAll
  static void run() {
    Scenario s = Fixtures.load(TEXT, "horizon=30s", "faults[0].at=10s", "faults[0].for=10s");
    result = ScenarioRunner.run(s, s.cases(List.of(), true), RunOptions.jobs(2));
  }

  private static JsonNode summary() {
    StringWriter w = new StringWriter();
    SummaryJson.write(result, "9.9.9", w);
    return JsonMapper.builder().build().readTree(w.toString());
  }

  private static List<String> names(JsonNode node) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = node.propertyNames().iterator(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  @Test
  void summary_hasTheContractsShape() {
    JsonNode root = summary();
    assertThat(names(root))
        .containsExactly(
            "cascade_version",
            "scenario",
            "horizon_s",
            "warmup_s",
            "sample_s",
            "seed",
            "replications",
            "scale",
            "wall_s",
            "events",
            "variants");
    assertThat(root.get("cascade_version").asString()).isEqualTo("9.9.9");
    assertThat(root.get("horizon_s").asDouble()).isEqualTo(30.0);
    assertThat(names(root.get("variants")))
        .containsExactly("a[db.nodes=1]", "a[db.nodes=2]", "b[db.nodes=1]", "b[db.nodes=2]");
    JsonNode b = root.get("variants").get("b[db.nodes=2]");
    assertThat(names(b))
        .containsExactly("variant", "sweep", "windows", "metrics", "events", "incidents", "checks");
    assertThat(b.get("sweep").get("db.nodes").asString()).isEqualTo("2");
    assertThat(names(b.get("windows")))
        .containsExactly("before", "during", "outage", "after", "all");
    assertThat(b.get("windows").get("outage").get("from_s").asDouble()).isEqualTo(10.0);
    JsonNode stat = b.get("metrics").get("web.ok_rps").get("outage").get("mean");
    assertThat(names(stat)).containsExactly("value", "ci95");
    assertThat(names(b.get("metrics").get("web.ok_rps").get("all")))
        .containsExactly("mean", "max", "min", "final", "value");
    assertThat(b.get("checks")).hasSize(2);
    assertThat(names(b.get("checks").get(0)))
        .containsExactly(
            "metric", "window", "stat", "bound", "value", "ci95", "passed", "marginal");
    assertThat(b.get("checks").get(0).get("bound").asString()).isEqualTo("max 0.5");
    assertThat(root.get("variants").get("a[db.nodes=1]").get("checks")).hasSize(1);
    assertThat(b.get("events").get(0).get("component").asString()).isEqualTo("redis");
  }

  @Test
  void timeseries_hasOneRowPerCaseAndIntervalWithSortedMetrics() throws IOException {
    StringWriter w = new StringWriter();
    TimeseriesCsv.write(result, w);
    String[] lines = w.toString().split("\r\n");
    List<String> header = List.of(lines[0].split(","));
    assertThat(header.subList(0, 2)).containsExactly("variant", "t_s");
    assertThat(header.subList(2, header.size())).isSorted().contains("web.ok_rps");
    assertThat(lines).hasSize(1 + 4 * 30);
    assertThat(lines[1]).startsWith("a[db.nodes=1],1,");
    assertThat(lines[30]).startsWith("a[db.nodes=1],30,");
    assertThat(lines[1].split(",", -1)).hasSize(header.size());
  }

  @Test
  void csvField_isQuotedOnlyWhenNeeded() {
    assertThat(TimeseriesCsv.field("a[db.nodes=1,x=2]")).isEqualTo("\"a[db.nodes=1,x=2]\"");
    assertThat(TimeseriesCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(TimeseriesCsv.field("plain")).isEqualTo("plain");
  }

  @Test
  void numbers_arePlainDecimalsWhateverTheLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(Numbers.plain(0.41)).isEqualTo("0.41");
      assertThat(Numbers.plain(1800.0)).isEqualTo("1800");
      assertThat(Numbers.plain(1e-7)).isEqualTo("0.0000001");
      assertThat(Numbers.plain(Double.NaN)).isEmpty();
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void timelineLine_putsTheEventInWords() {
    assertThat(
            TimelineMarkdown.line(new SimEvent(310.2, "redis-cb", "opened", "500/500 instances")))
        .isEqualTo("T+5m10.2s redis-cb opened (500/500 instances)");
    assertThat(TimelineMarkdown.line(new SimEvent(0, "redis", "oom_killed", "")))
        .isEqualTo("T+0s redis was OOM-killed");
    assertThat(TimelineMarkdown.line(new SimEvent(1.23456, "db", "new_thing", "")))
        .isEqualTo("T+1.235s db new thing");
  }

  @Test
  void writtenFolder_holdsTheFourFilesAndTheResolvedScenarioReloads() throws IOException {
    Path out = tmp.resolve("out");
    ResultFiles.write(result, out);
    assertThat(out.resolve(ResultFiles.SUMMARY)).exists();
    assertThat(out.resolve(ResultFiles.TIMESERIES)).exists();
    assertThat(Files.readString(out.resolve(ResultFiles.TIMELINE)))
        .startsWith("# Timeline: small")
        .contains("## b[db.nodes=2]")
        .contains("redis crashed (fault injected)");
    Scenario again = Fixtures.load(Files.readString(out.resolve(ResultFiles.RESOLVED)));
    assertThat(again.base()).isEqualTo(result.scenario().base());
    assertThat(Files.readString(out.resolve(ResultFiles.SUMMARY)))
        .contains("\"cascade_version\": \"" + CascadeVersion.current() + "\"");
  }
}
