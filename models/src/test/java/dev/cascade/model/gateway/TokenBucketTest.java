package dev.cascade.model.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

  @Test
  void full_uniformArrivalsAtTwiceTheRate_admitBurstThenExactlyRate() {
    TokenBucket bucket = new TokenBucket(1000, 100);
    int admitted = 0;
    for (int k = 0; k < 20_000; k++) { // 2000/s for 10 s
      if (bucket.tryTake(k / 2000.0)) {
        admitted++;
      }
      bucket.checkInvariants();
    }
    // Tokens accrue over the 9.9995 s from the first to the last arrival: 9999.5 + 100.
    assertThat(admitted).isBetween(10_000 + 100 - 1, 10_000 + 100 + 1);
  }

  @Test
  void arrivalsSpacedExactlyOneOverRate_areAllAdmitted() {
    TokenBucket bucket = new TokenBucket(1000, 1);
    for (int k = 0; k < 100_000; k++) {
      assertThat(bucket.tryTake(k / 1000.0)).as("arrival %d", k).isTrue();
    }
  }

  @Test
  void empty_refillsLazilyAndNeverBeyondBurst() {
    TokenBucket bucket = new TokenBucket(10, 5);
    for (int i = 0; i < 5; i++) {
      assertThat(bucket.tryTake(0)).isTrue();
    }
    assertThat(bucket.tryTake(0)).isFalse();
    assertThat(bucket.tryTake(0.05)).as("half a token").isFalse();
    assertThat(bucket.tryTake(0.1)).isTrue();
    // A long idle spell refills to the burst, not beyond.
    int admitted = 0;
    while (bucket.tryTake(1000)) {
      admitted++;
    }
    assertThat(admitted).isEqualTo(5);
  }

  @Test
  void setRate_creditsOldRateUntilNowThenNewRate() {
    TokenBucket bucket = new TokenBucket(100, 1);
    assertThat(bucket.tryTake(0)).isTrue();
    bucket.setRate(0.005, 10); // half a token earned at 100/s
    assertThat(bucket.tokens()).isCloseTo(0.5, within(1e-12));
    assertThat(bucket.tryTake(0.04)).as("0.5 + 0.035 s x 10/s = 0.85").isFalse();
    assertThat(bucket.tryTake(0.055)).isTrue();
    assertThat(bucket.rate()).isEqualTo(10);
  }

  @Test
  void timeRunningBackwards_addsNoTokens() {
    TokenBucket bucket = new TokenBucket(1, 1);
    assertThat(bucket.tryTake(10)).isTrue();
    assertThat(bucket.tryTake(5)).isFalse();
    assertThat(bucket.tryTake(10.5)).isFalse();
    assertThat(bucket.tryTake(11)).isTrue();
  }

  @Test
  void invalidArguments_areRejected() {
    assertThatThrownBy(() -> new TokenBucket(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenBucket(10, 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenBucket(Double.NaN, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
