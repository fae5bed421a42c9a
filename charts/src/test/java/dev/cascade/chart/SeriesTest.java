package dev.cascade.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeriesTest {

  @Test
  void shortSeries_downsample_unchanged() {
    Downsampled d = Downsampled.of(new double[] {1, 2, 3}, new double[] {5, Double.NaN, 7}, 10);
    assertThat(d.x()).containsExactly(1, 2, 3);
    assertThat(d.y()).containsExactly(5, Double.NaN, 7);
  }

  @Test
  void longSeries_downsample_bucketMeansAtBucketEnds() {
    double[] x = new double[10];
    double[] y = new double[10];
    for (int k = 0; k < 10; k++) {
      x[k] = k + 1;
      y[k] = k;
    }
    y[3] = Double.NaN;
    Downsampled d = Downsampled.of(x, y, 4);
    // 10 points into buckets of 3: {0,1,2} {NaN,4,5} {6,7,8} {9}
    assertThat(d.x()).containsExactly(3, 6, 9, 10);
    assertThat(d.y()).containsExactly(1, 4.5, 7, 9);
  }

  @Test
  void allNanBucket_downsample_staysAGap() {
    double[] y = {Double.NaN, Double.NaN, 1, 1};
    Downsampled d = Downsampled.of(new double[] {1, 2, 3, 4}, y, 2);
    assertThat(d.y()[0]).isNaN();
    assertThat(d.y()[1]).isEqualTo(1);
  }

  @Test
  void mismatchedLengths_downsample_rejected() {
    assertThatThrownBy(() -> Downsampled.of(new double[2], new double[3], 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void arithmetic_nanAndZeroDivision_giveNan() {
    assertThat(SeriesMath.divide(new double[] {10, 10}, new double[] {2, 0}))
        .containsExactly(5, Double.NaN);
    assertThat(SeriesMath.times(new double[] {0.5, Double.NaN}, new double[] {100, 100}))
        .containsExactly(50, Double.NaN);
    assertThat(SeriesMath.plus(new double[] {1}, new double[] {2})).containsExactly(3);
    assertThat(SeriesMath.nanToZero(new double[] {Double.NaN, 2})).containsExactly(0, 2);
  }

  @Test
  void extremes_ignoreNanAndNonPositive() {
    double[] v = {Double.NaN, 0, 3, 0.5, Double.POSITIVE_INFINITY};
    assertThat(SeriesMath.max(v)).isEqualTo(3);
    assertThat(SeriesMath.minPositive(v)).isEqualTo(0.5);
    assertThat(SeriesMath.max(new double[] {Double.NaN})).isNaN();
    assertThat(SeriesMath.anyNonZero(new double[] {0, Double.NaN})).isFalse();
  }

  @Test
  void latencySpread_wantsLog_fromFiftyFold() {
    assertThat(Axes.wantsLog(2, 2000)).isTrue();
    assertThat(Axes.wantsLog(2, 99)).isFalse();
    assertThat(Axes.wantsLog(Double.NaN, 10)).isFalse();
  }

  @Test
  void capacityLine_linearAxis_rangeIncludesLineWithHeadroom() {
    var axis = Axes.linear("q", AxisUnit.PER_SECOND, 50_000, new double[] {10_000, 20_000});
    assertThat(axis.getRange().getLowerBound()).isZero();
    assertThat(axis.getRange().getUpperBound())
        .isCloseTo(50_000 * (1 + Axes.HEADROOM), within(1e-6));
  }
}
