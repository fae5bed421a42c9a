package dev.cascade.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReplicationStatTest {

  @Test
  void oneToFive_meanThree_ci95FromStudentT() {
    ReplicationStat s = ReplicationStat.of(1, 2, 3, 4, 5);

    assertThat(s.mean()).isEqualTo(3.0);
    assertThat(s.n()).isEqualTo(5);
    // t(0.975, 4) = 2.776445105 (standard tables); s = sqrt(2.5)
    assertThat(s.ci95()).isCloseTo(2.776445105 * Math.sqrt(2.5) / Math.sqrt(5), within(1e-8));
    assertThat(s.ci95()).isCloseTo(1.963, within(5e-4));
    assertThat(s.lower()).isCloseTo(3 - s.ci95(), within(1e-15));
    assertThat(s.upper()).isCloseTo(3 + s.ci95(), within(1e-15));
  }

  @Test
  void singleReplication_ci95IsZero() {
    ReplicationStat s = ReplicationStat.of(0.41);
    assertThat(s.mean()).isEqualTo(0.41);
    assertThat(s.ci95()).isZero();
    assertThat(s.contains(0.41)).isTrue();
  }

  @Test
  void nanValues_skipped() {
    ReplicationStat s = ReplicationStat.of(Double.NaN, 1, 2, 3, 4, 5, Double.NaN);
    assertThat(s).isEqualTo(ReplicationStat.of(1, 2, 3, 4, 5));
  }

  @Test
  void noValues_allNaN() {
    ReplicationStat s = ReplicationStat.of(Double.NaN);
    assertThat(s.mean()).isNaN();
    assertThat(s.ci95()).isNaN();
    assertThat(s.n()).isZero();
    assertThat(ReplicationStat.of()).isEqualTo(ReplicationStat.EMPTY);
  }

  @Test
  void contains_boundInsideInterval_isMarginal() {
    ReplicationStat s = ReplicationStat.of(1, 2, 3, 4, 5);
    assertThat(s.contains(4.5)).isTrue();
    assertThat(s.contains(5.0)).isFalse();
    assertThat(s.contains(Double.NaN)).isFalse();
  }

  @Test
  void identicalValues_zeroWidth() {
    assertThat(ReplicationStat.of(2, 2, 2).ci95()).isZero();
  }
}
