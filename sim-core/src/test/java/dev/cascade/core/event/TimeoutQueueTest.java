package dev.cascade.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TimeoutQueueTest {

  @Test
  void timer_firesAfterDelay_unlessCancelled() {
    Simulation sim = new Simulation();
    TimeoutQueue q = sim.timeouts(2.0);
    List<String> fired = new ArrayList<>();
    EventHandler h = (type, arg, payload) -> fired.add(sim.now() + ":" + payload);
    sim.schedule(
        1.0,
        (t, a, p) -> {
          q.arm(h, 0, 0, "a");
          long b = q.arm(h, 0, 0, "b");
          assertThat(q.cancel(b)).isTrue();
          assertThat(q.cancel(b)).isFalse();
        },
        0);
    sim.schedule(1.5, (t, a, p) -> q.arm(h, 0, 0, "c"), 0);
    sim.runUntil(10);
    assertThat(fired).containsExactly("3.0:a", "3.5:c");
    assertThat(sim.eventsFired()).isEqualTo(4);
    assertThat(q.live()).isZero();
  }

  @Test
  void tie_withHeapEvent_firesInSchedulingOrder() {
    Simulation sim = new Simulation();
    TimeoutQueue q = sim.timeouts(1.0);
    List<String> order = new ArrayList<>();
    EventHandler h = (type, arg, payload) -> order.add((String) payload);
    sim.schedule(
        1.0,
        (t, a, p) -> {
          sim.schedule(2.0, h, 0, 0, "heap-before");
          q.arm(h, 0, 0, "timeout");
          sim.schedule(2.0, h, 0, 0, "heap-after");
        },
        0);
    sim.runUntil(5);
    assertThat(order).containsExactly("heap-before", "timeout", "heap-after");
  }

  @Test
  void cancelledHead_laterTimerStillFiresOnTime() {
    Simulation sim = new Simulation();
    TimeoutQueue q = sim.timeouts(10.0);
    List<Double> fired = new ArrayList<>();
    EventHandler h = (type, arg, payload) -> fired.add(sim.now());
    long[] first = new long[1];
    sim.schedule(0.0, (t, a, p) -> first[0] = q.arm(h, 0, 0, null), 0);
    sim.schedule(1.0, (t, a, p) -> q.cancel(first[0]), 0);
    sim.schedule(4.0, (t, a, p) -> q.arm(h, 0, 0, null), 0);
    sim.runUntil(100);
    assertThat(fired).containsExactly(14.0);
  }

  /** Arms timers at random times, cancels a random subset; exactly the rest fire, on time. */
  @Property(tries = 100)
  void timers_fireExactlyWhenNotCancelled(
      @ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 50) Integer> armTimes,
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 199) Integer> cancels) {
    Simulation sim = new Simulation();
    TimeoutQueue q = sim.timeouts(7.0);
    long[] handles = new long[armTimes.size()];
    boolean[] cancelled = new boolean[armTimes.size()];
    List<Integer> fired = new ArrayList<>();
    List<Double> firedAt = new ArrayList<>();
    EventHandler h =
        (type, arg, payload) -> {
          fired.add(arg);
          firedAt.add(sim.now());
        };
    List<Integer> sortedIdx = new ArrayList<>();
    for (int i = 0; i < armTimes.size(); i++) {
      sortedIdx.add(i);
    }
    sortedIdx.sort((a, b) -> Integer.compare(armTimes.get(a), armTimes.get(b)));
    for (int i : sortedIdx) {
      sim.schedule(armTimes.get(i), (t, a, p) -> handles[i] = q.arm(h, 0, i, null), 0);
    }
    for (int c : cancels) {
      if (c < armTimes.size()) {
        // Cancel half a time unit after arming (before any timer of delay 7 can fire).
        sim.schedule(
            armTimes.get(c) + 0.5,
            (t, a, p) -> {
              if (q.cancel(handles[c])) {
                cancelled[c] = true;
              }
            },
            0);
      }
    }
    sim.runUntil(1000);
    List<Integer> expected = new ArrayList<>();
    for (int i : sortedIdx) {
      if (!cancelled[i]) {
        expected.add(i);
      }
    }
    assertThat(fired).containsExactlyElementsOf(expected);
    for (int k = 0; k < fired.size(); k++) {
      assertThat(firedAt.get(k)).isEqualTo(armTimes.get(fired.get(k)) + 7.0);
    }
  }
}
