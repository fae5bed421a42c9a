package dev.cascade.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.core.stats.Counter;
import dev.cascade.core.stats.MetricRegistry;
import dev.cascade.core.stats.ReplicationStat;
import dev.cascade.core.stats.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTest {

  private static final List<Window> WINDOWS =
      List.of(new Window("all", 0, 3), new Window("late", 2, 3));

  /** A run whose rate metric counts {@code perInterval[k]} in interval k. */
  private static RunResult run(long events, int... perInterval) {
    MetricRegistry r = new MetricRegistry(1, perInterval.length, WINDOWS);
    Counter c = r.counter();
    r.rate("x.rps", c);
    for (int k = 0; k < perInterval.length; k++) {
      c.add(perInterval[k]);
      r.closeUpTo(k + 1);
    }
    r.finish(perInterval.length);
    EventLog log = new EventLog();
    log.record(0.5, "x", "crashed", "run " + events);
    return r.result(log, events);
  }

  @Test
  void fiveReplications_meanAndStudentTHalfWidthPerStat() {
    List<RunResult> runs = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      runs.add(run(10, 0, 0, i));
    }
    Summary summary = Summary.of(runs);

    ReplicationStat late = summary.stat("x.rps", "late", "value");
    assertThat(late.mean()).isEqualTo(3.0);
    assertThat(late.ci95()).isCloseTo(1.963, within(5e-4));
    assertThat(summary.stat("x.rps", "all", "final")).isEqualTo(late);
    assertThat(summary.stat("x.rps", "all", "mean").mean()).isCloseTo(1.0, within(1e-12));
    assertThat(summary.stats().get("x.rps").keySet()).containsExactly("all", "late");
    assertThat(summary.stats().get("x.rps").get("all").keySet())
        .containsExactlyElementsOf(WindowStats.NAMES);
    assertThat(summary.replications()).isEqualTo(5);
    assertThat(summary.eventsProcessed()).isEqualTo(50);
  }

  @Test
  void meanSeries_averagesReplicationsPerInterval() {
    Summary summary = Summary.of(List.of(run(1, 2, 4, 6), run(2, 4, 8, 12)));

    assertThat(summary.meanSeries("x.rps")).containsExactly(3.0, 6.0, 9.0);
    assertThat(summary.meanSeries().keySet()).containsExactly("x.rps");
    assertThat(summary.intervalEnds()).containsExactly(1.0, 2.0, 3.0);
    assertThat(summary.events()).extracting(SimEvent::detail).containsExactly("run 1");
    assertThat(summary.windows()).isEqualTo(WINDOWS);
  }

  @Test
  void nanInOneReplication_skipped() {
    double[] ends = {1, 2};
    Map<String, Map<String, WindowStats>> nanStats =
        Map.of("x.p99", Map.of("all", new WindowStats(Double.NaN, 1, 1, 1, Double.NaN)));
    Map<String, Map<String, WindowStats>> stats =
        Map.of("x.p99", Map.of("all", new WindowStats(4, 1, 1, 1, 5)));
    List<Window> windows = List.of(new Window("all", 0, 2));
    RunResult a =
        new RunResult(
            1,
            ends,
            Map.of("x.p99", new double[] {Double.NaN, 2}),
            nanStats,
            windows,
            List.of(),
            0);
    RunResult b =
        new RunResult(
            1, ends, Map.of("x.p99", new double[] {Double.NaN, 4}), stats, windows, List.of(), 0);
    Summary summary = Summary.of(List.of(a, b));

    assertThat(summary.stat("x.p99", "all", "value")).isEqualTo(new ReplicationStat(5, 0, 1));
    assertThat(summary.meanSeries("x.p99")[0]).isNaN();
    assertThat(summary.meanSeries("x.p99")[1]).isEqualTo(3.0);
  }

  @Test
  void mismatchedReplicationsOrNone_rejected() {
    assertThatThrownBy(() -> Summary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Summary.of(List.of(run(1, 1, 2, 3), run(1, 1, 2))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stat_unknownNames_rejected() {
    Summary summary = Summary.of(List.of(run(1, 1, 2, 3)));
    assertThatThrownBy(() -> summary.stat("nope", "all", "mean"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> summary.stat("x.rps", "nope", "mean"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> summary.stat("x.rps", "all", "p99"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
