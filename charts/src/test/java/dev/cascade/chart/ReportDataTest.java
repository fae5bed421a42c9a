package dev.cascade.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.core.result.Summary;
import dev.cascade.core.stats.Window;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportDataTest {

  private static final Summary ONE =
      Synthetic.tiny(Map.of("web.offered_rps", Synthetic.step(1, 2)), List.of());

  @Test
  void builder_variantsKeepInsertionOrder() {
    ReportData data =
        ReportData.builder("s").variant("zeta", ONE).variant("alpha", "first", ONE).build();
    assertThat(data.variants().keySet()).containsExactly("zeta", "alpha");
    assertThat(data.variantDescriptions()).containsEntry("alpha", "first");
    assertThat(data.scale()).isEqualTo(1);
    assertThat(data.sweeps()).isEmpty();
  }

  @Test
  void nullParts_constructor_becomeEmpty() {
    ReportData data =
        new ReportData("s", null, 1, false, null, null, null, null, null, null, null, null);
    assertThat(data.description()).isEmpty();
    assertThat(data.variants()).isEmpty();
    assertThat(data.timelineMarkdown()).isEmpty();
  }

  @Test
  void nonPositiveScale_rejected() {
    assertThatThrownBy(() -> ReportData.builder("s").scale(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scale");
  }

  @Test
  void sweepWithMissingPoint_rejected() {
    assertThatThrownBy(
            () -> new SweepData("db.nodes", List.of("8", "16"), Map.of("v", List.of(ONE))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("db.nodes");
  }

  @Test
  void checkRow_verdict_marginalOverridesPass() {
    assertThat(new CheckRow("v", "m", "w", "mean", "max 1", 1, 0.1, true, true).verdict())
        .isEqualTo("marginal");
    assertThat(new CheckRow("v", "m", "w", "mean", "max 1", 1, 0, true, false).verdict())
        .isEqualTo("pass");
    assertThat(new CheckRow("v", "m", "w", "mean", "max 1", 2, 0, false, false).verdict())
        .isEqualTo("fail");
  }

  @Test
  void format_parse_caseInsensitive() {
    assertThat(Format.parse("PNG")).isEqualTo(Format.PNG);
    assertThat(Format.parse(" both ").png()).isTrue();
    assertThat(Format.parse("svg").png()).isFalse();
    assertThatThrownBy(() -> Format.parse("gif")).hasMessageContaining("png, svg or both");
  }

  @Test
  void wording_scaleAndWindows() {
    assertThat(Wording.scale(1.0 / 16)).isEqualTo("1/16");
    assertThat(Wording.scale(0.3)).isEqualTo("0.3");
    assertThat(Wording.scale(1)).isEqualTo("1");
    assertThat(Wording.window(new Window("during", 300, 1500))).isEqualTo("during 5m–25m");
    assertThat(Wording.replications(3)).isEqualTo("mean of 3 replications");
  }

  @Test
  void chartStem_unsafeCharacters_replaced() {
    assertThat(Chart.stem("run-<b>Var</b>/x")).isEqualTo("run-_b_var__b__x");
  }

  @Test
  void scaleText_namesProportionalPools() {
    assertThat(ReportTables.scaleText(1, true)).isEqualTo("1 (full size)");
    assertThat(ReportTables.scaleText(1 / 16.0, false))
        .startsWith("1/16: a proportional slice")
        .endsWith("rates per node unchanged)");
    assertThat(ReportTables.scaleText(1 / 32.0, true))
        .startsWith("1/32: a proportional slice")
        .contains("its share of a real one's threads, queue, capacity and connections")
        .doesNotContain("rates per node unchanged");
    assertThat(ReportData.builder("s").proportionalPools(true).build().proportionalPools())
        .isTrue();
  }
}
