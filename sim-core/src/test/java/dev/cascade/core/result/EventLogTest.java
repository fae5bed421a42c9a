package dev.cascade.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventLogTest {

  @Test
  void record_appendsInOrder_snapshotIsImmutable() {
    EventLog log = new EventLog();
    log.record(300.0, "redis", "crashed", "fault injected");
    log.record(new SimEvent(310.2, "redis-cb", "opened", null));
    List<SimEvent> snapshot = log.events();
    log.record(320.0, "gateway", "shedding_started", "");

    assertThat(snapshot)
        .containsExactly(
            new SimEvent(300.0, "redis", "crashed", "fault injected"),
            new SimEvent(310.2, "redis-cb", "opened", ""));
    assertThat(log.size()).isEqualTo(3);
    assertThatThrownBy(() -> snapshot.add(snapshot.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void simEvent_missingComponentOrNaNTime_rejected() {
    assertThatThrownBy(() -> new SimEvent(1, null, "crashed", ""))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new SimEvent(Double.NaN, "redis", "crashed", ""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
