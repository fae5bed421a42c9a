package dev.cascade.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AxisUnitTest {

  @ParameterizedTest
  @CsvSource({
    "redirects.latency_p99, MILLIS",
    "worker.job_latency_p99, MILLIS",
    "db.load_rps, PER_SECOND",
    "redis.used_memory_bytes, BYTES",
    "gateway.rate_503, RATIO",
    "redirects.error_rate, RATIO",
    "redis.hit_ratio, RATIO",
    "redis-cb.open_fraction, RATIO",
    "db.utilization_max, RATIO",
    "redis.up, RATIO",
    "gateway.shedding, RATIO",
    "worker.oldest_job_age_s, SECONDS",
    "app.busy_threads, COUNT",
    "db.nodes, COUNT"
  })
  void metricName_ofMetric_unitFromSuffix(String metric, AxisUnit unit) {
    assertThat(AxisUnit.ofMetric(metric)).isEqualTo(unit);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "MILLIS | 0 | 0 ms",
        "MILLIS | 0.25 | 250 µs",
        "MILLIS | 2.5 | 2.5 ms",
        "MILLIS | 250 | 250 ms",
        "MILLIS | 1500 | 1.5 s",
        "MILLIS | 120000 | 2m",
        "PER_SECOND | 12 | 12/s",
        "PER_SECOND | 800000 | 800k/s",
        "PER_SECOND | 1500000 | 1.5M/s",
        "PER_SECOND | 999999 | 1M/s",
        "PER_SECOND | 2000000000 | 2G/s",
        "BYTES | 512 | 512 B",
        "BYTES | 1536 | 1.5 KB",
        "BYTES | 268435456 | 256 MB",
        "BYTES | 3221225472 | 3 GB",
        "RATIO | 0.41 | 41%",
        "RATIO | 0.001 | 0.1%",
        "RATIO | 1 | 100%",
        "SECONDS | 0 | 0",
        "SECONDS | 45 | 45 s",
        "SECONDS | 300 | 5m",
        "SECONDS | 750 | 12m30s",
        "SECONDS | 5400 | 1h30m",
        "COUNT | 40 | 40",
        "COUNT | 6400 | 6.4k",
        "COUNT | 4000000 | 4M"
      })
  void value_format_humanUnits(AxisUnit unit, double value, String expected) {
    assertThat(unit.format(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "MILLIS | 407 | 0.373 | 407 ms ± 0.37 ms",
        "MILLIS | 2000 | 9.42 | 2 s ± 0.0094 s",
        "MILLIS | 0.4 | 0.0067 | 400 µs ± 6.7 µs",
        "PER_SECOND | 62500 | 168 | 62.5k/s ± 0.17k/s",
        "RATIO | 0.41 | 0.003 | 41% ± 0.3%",
        "BYTES | 2.2e9 | 3.5e6 | 2.05 GB ± 0.0033 GB",
        "SECONDS | 610 | 2 | 10.2 min ± 0.033 min",
        "COUNT | 16 | 0 | 16 ± 0",
        "COUNT | 15.6 | 5.4e-15 | 15.6 ± 0",
        "COUNT | 0 | 0.5 | 0 ± 0.5"
      })
  void meanAndHalfWidth_formatWithError_oneScale(
      AxisUnit unit, double value, double error, String expected) {
    assertThat(unit.formatWithError(value, error)).isEqualTo(expected);
  }

  @Test
  void nan_format_saysNotAvailable() {
    assertThat(AxisUnit.MILLIS.format(Double.NaN)).isEqualTo("n/a");
  }

  @Test
  void compact_keepsAtMostThreeSignificantDigitsBeforeThePoint() {
    assertThat(AxisUnit.compact(123.456)).isEqualTo("123");
    assertThat(AxisUnit.compact(12.345)).isEqualTo("12.3");
    assertThat(AxisUnit.compact(1.2345)).isEqualTo("1.23");
    assertThat(AxisUnit.compact(0.01234)).isEqualTo("0.012");
    assertThat(AxisUnit.compact(-0.0)).isEqualTo("0");
  }

  @Test
  void bytes_tickUnits_arePowersOfTwo() {
    TickUnit unit = AxisUnit.BYTES.tickUnits().getCeilingTickUnit(200e6);
    double size = unit.getSize();
    assertThat(Long.bitCount((long) size)).isEqualTo(1);
    assertThat(unit.valueToString(3 * size)).isEqualTo("768 MB");
  }

  @Test
  void seconds_tickUnits_areRoundTimes() {
    assertThat(AxisUnit.SECONDS.tickUnits().getCeilingTickUnit(200).getSize()).isEqualTo(300);
    assertThat(AxisUnit.SECONDS.tickUnits().getCeilingTickUnit(40).getSize()).isEqualTo(60);
    assertThat(AxisUnit.SECONDS.tickUnits().getCeilingTickUnit(2000).getSize()).isEqualTo(3600);
  }

  @Test
  void ratioAxis_ticksAbovePercent100_areBlank() {
    TickUnit unit = AxisUnit.RATIO.tickUnits().getCeilingTickUnit(0.2);
    assertThat(unit.valueToString(1.0)).isEqualTo("100%");
    assertThat(unit.valueToString(1.2)).isEmpty();
  }

  @Test
  void timeAxis_ticks_labelledInMinutes() {
    NumberAxis axis = Axes.time(1800);
    List<String> labels = new ArrayList<>();
    for (Object t :
        axis.refreshTicks(
            new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB)
                .createGraphics(),
            new org.jfree.chart.axis.AxisState(),
            new Rectangle2D.Double(0, 0, 900, 300),
            RectangleEdge.BOTTOM)) {
      labels.add(((NumberTick) t).getText());
    }
    assertThat(labels).contains("0", "10m", "20m", "30m");
    assertThat(axis.getRange().getUpperBound()).isEqualTo(1800);
  }

  @Test
  void numberFormat_formatsLikeFormat() {
    assertThat(AxisUnit.PER_SECOND.numberFormat().format(50_000)).isEqualTo("50k/s");
    assertThat(AxisUnit.BYTES.numberFormat().format(2048L)).isEqualTo("2 KB");
  }
}
