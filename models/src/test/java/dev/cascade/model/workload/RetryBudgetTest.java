package dev.cascade.model.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RetryBudgetTest {

  @Test
  void fresh_spendsItsCapacityThenRefuses() {
    RetryBudget budget = new RetryBudget(0.1);
    for (int i = 0; i < RetryBudget.DEFAULT_CAPACITY; i++) {
      assertThat(budget.tryRetry()).isTrue();
    }
    assertThat(budget.tryRetry()).isFalse();
    assertThat(budget.retriesRefused()).isEqualTo(1);
  }

  @Test
  void tenSuccessesAtTenPercent_earnExactlyOneRetry() {
    RetryBudget budget = new RetryBudget(0.1, 1);
    assertThat(budget.tryRetry()).as("the starting token").isTrue();
    for (int i = 0; i < 9; i++) {
      budget.onFirstTry();
      budget.onSuccess();
    }
    assertThat(budget.tryRetry()).as("0.9 tokens").isFalse();
    budget.onFirstTry();
    budget.onSuccess();
    assertThat(budget.tryRetry()).as("ten deposits of 0.1 make one whole token").isTrue();
    assertThat(budget.tryRetry()).isFalse();
    budget.checkInvariants();
  }

  @Test
  void outage_firstTriesAloneEarnNothing() {
    RetryBudget budget = new RetryBudget(0.5, 2);
    for (int i = 0; i < 1000; i++) {
      budget.onFirstTry();
      budget.tryRetry();
    }
    assertThat(budget.retriesGranted()).isEqualTo(2);
  }

  @Test
  void longHealthySpell_banksNoMoreThanCapacity() {
    RetryBudget budget = new RetryBudget(0.2, 10);
    for (int i = 0; i < 100_000; i++) {
      budget.onFirstTry();
      budget.onSuccess();
    }
    assertThat(budget.tokens()).isEqualTo(10.0);
  }

  @Test
  void invalidRatio_isRejected() {
    assertThatThrownBy(() -> new RetryBudget(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryBudget(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryBudget(0.1, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
