package dev.cascade.model.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionSpecTest {

  @Test
  void test_aboveAndBelow_nanNeverHolds() {
    ConditionSpec above = new ConditionSpec("db.utilization", 0.8, Double.NaN);
    assertThat(above.test(0.81)).isTrue();
    assertThat(above.test(0.8)).isFalse();
    assertThat(above.test(Double.NaN)).isFalse();
    ConditionSpec below = new ConditionSpec("redis.up", Double.NaN, 1);
    assertThat(below.test(0)).isTrue();
    assertThat(below.test(1)).isFalse();
  }

  @Test
  void toString_printsThresholdsAsWritten() {
    assertThat(new ConditionSpec("redis.used_memory_bytes", 2.1495808E8, Double.NaN))
        .hasToString("redis.used_memory_bytes above 214958080");
    assertThat(new ConditionSpec("db.utilization", 0.8, Double.NaN))
        .hasToString("db.utilization above 0.8");
    assertThat(new ConditionSpec("redis.up", Double.NaN, 1)).hasToString("redis.up below 1");
  }
}
