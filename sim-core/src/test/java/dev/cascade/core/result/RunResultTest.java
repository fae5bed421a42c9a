package dev.cascade.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.core.stats.Window;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunResultTest {

  private static final List<Window> WINDOWS = List.of(new Window("all", 0, 2));

  @Test
  void arrays_copiedInAndOut_resultStaysImmutable() {
    double[] ends = {1, 2};
    double[] values = {3, 4};
    Map<String, double[]> series = new HashMap<>();
    series.put("b.x", values);
    series.put("a.x", new double[] {0, 0});
    RunResult result = new RunResult(1, ends, series, Map.of(), WINDOWS, List.of(), 7);
    values[0] = 99;
    ends[0] = 99;
    result.series("b.x")[1] = 99;
    result.series().get("b.x")[1] = 99;

    assertThat(result.series("b.x")).containsExactly(3, 4);
    assertThat(result.intervalEnds()).containsExactly(1, 2);
    assertThat(result.series().keySet()).containsExactly("a.x", "b.x");
    assertThat(result.horizonSeconds()).isEqualTo(2.0);
    assertThat(result.intervalCount()).isEqualTo(2);
    assertThatThrownBy(() -> result.series().put("c", new double[2]))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void seriesOfWrongLength_rejected() {
    assertThatThrownBy(
            () ->
                new RunResult(
                    1,
                    new double[] {1, 2},
                    Map.of("a.x", new double[] {1}),
                    Map.of(),
                    WINDOWS,
                    List.of(),
                    0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a.x");
  }

  @Test
  void stats_unknownMetricOrWindow_rejected() {
    RunResult result =
        new RunResult(
            1,
            new double[] {1},
            Map.of("a.x", new double[] {1}),
            Map.of("a.x", Map.of("all", new WindowStats(1, 1, 1, 1, 1))),
            WINDOWS,
            List.of(),
            0);
    assertThat(result.stats("a.x", "all").value()).isEqualTo(1.0);
    assertThatThrownBy(() -> result.stats("b.x", "all"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> result.stats("a.x", "during"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> result.series("b.x")).isInstanceOf(IllegalArgumentException.class);
  }
}
