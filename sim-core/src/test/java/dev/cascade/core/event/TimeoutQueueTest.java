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

  @Test
  void staleHandle_afterChunkReuse_cancelsNothing() {
    Simulation sim = new Simulation();
    TimeoutQueue q = sim.timeouts(5.0);
    List<Object> fired = new ArrayList<>();
    EventHandler h = (type, arg, payload) -> fired.add(arg);
    sim.schedule(
        0.0,
        (t, a, p) -> {
          // Fill and empty two chunks so that the first is released and reused.
          long[] old = new long[200];
          for (int i = 0; i < old.length; i++) {
            old[i] = q.arm(h, 0, i, null);
          }
          for (long handle : old) {
            assertThat(q.cancel(handle)).isTrue();
          }
          long fresh = q.arm(h, 0, 1000, null);
          for (long handle : old) {
            assertThat(q.cancel(handle)).isFalse();
          }
          assertThat(q.live()).isEqualTo(1);
          assertThat(fresh).isNotEqualTo(EventList.NO_EVENT);
        },
        0);
    sim.runUntil(10);
    assertThat(fired).containsExactly(1000);
  }

  @Test
  void cancelledTimers_releaseTheirChunks_soMemoryFollowsLiveTimers() {
    Simulation sim = new Simulation();
    TimeoutQueue q = sim.timeouts(100.0);
    EventHandler h = (type, arg, payload) -> {};
    int[] maxChunks = new int[1];
    // One long-lived timer, then a request every 0.01 time units answered (cancelled) 0.05
    // later: about 5 live timers at a time over 10,000 armed in 100 time units.
    sim.schedule(0.0, (t, a, p) -> q.arm(h, 0, 0, null), 0);
    for (int i = 0; i < 10_000; i++) {
      sim.schedule(
          i * 0.01,
          (t, a, p) -> {
            long handle = q.arm(h, 0, 0, "payload");
            sim.after(0.05, (t2, a2, p2) -> q.cancel(handle), 0);
            maxChunks[0] = Math.max(maxChunks[0], q.chunksInUse());
          },
          0);
    }
    sim.runUntil(100.5);
    assertThat(q.live()).isZero();
    // A ring would hold all 10,000 (156 chunks of 64); chunks whose timers are done are reused.
    assertThat(maxChunks[0]).isLessThanOrEqualTo(3);
  }

  @Test
  void manyHandlers_eachGetsItsOwnTimers() {
    Simulation sim = new Simulation();
    TimeoutQueue q = sim.timeouts(1.0);
    List<String> fired = new ArrayList<>();
    sim.schedule(
        0.0,
        (t, a, p) -> {
          for (int i = 0; i < 20; i++) {
            int id = i;
            EventHandler h = (type, arg, payload) -> fired.add(id + ":" + arg);
            q.arm(h, 0, i, null);
            q.arm(h, 0, 100 + i, null);
          }
        },
        0);
    sim.runUntil(5);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add(i + ":" + i);
      expected.add(i + ":" + (100 + i));
    }
    assertThat(fired).containsExactlyElementsOf(expected);
  }

  /** Arms timers at random times, cancels a random subset; exactly the rest fire, on time. */
  @Property(tries = 300)
  void timers_fireExactlyWhenNotCancelled(
      @ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 50) Integer> armTimes,
      @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 399) Integer> cancels) {
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
