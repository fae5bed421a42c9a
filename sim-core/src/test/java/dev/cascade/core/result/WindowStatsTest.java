package dev.cascade.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WindowStatsTest {

  @Test
  void get_eachCheckStatName_returnsItsField() {
    WindowStats s = new WindowStats(1, 2, 3, 4, 5);
    assertThat(WindowStats.NAMES).containsExactly("mean", "max", "min", "final", "value");
    assertThat(WindowStats.NAMES.stream().mapToDouble(s::get).toArray())
        .containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void get_unknownStat_rejectedWithChoices() {
    assertThatThrownBy(() -> new WindowStats(1, 2, 3, 4, 5).get("p99"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mean max min final value");
  }

  @Test
  void empty_isNaNEverywhere() {
    for (String stat : WindowStats.NAMES) {
      assertThat(WindowStats.EMPTY.get(stat)).isNaN();
    }
  }
}
