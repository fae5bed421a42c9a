package dev.cascade.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class EventListPropertyTest {

  /** A scheduled event as the test remembers it. */
  private record Scheduled(double time, int id, long handle) {}

  @Property(tries = 200)
  void pops_neverGoBackInTime_andTiesKeepSchedulingOrder(
      @ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 20) Integer> times) {
    EventList list = new EventList(4);
    List<int[]> fired = new ArrayList<>();
    EventHandler h = (type, arg, payload) -> {};
    for (int i = 0; i < times.size(); i++) {
      list.add(times.get(i), h, 0, i, null);
    }
    double last = Double.NEGATIVE_INFINITY;
    int lastIdAtTime = -1;
    while (!list.isEmpty()) {
      double t = list.peekTime();
      int slot = list.pollSlot();
      int id = list.argOf(slot);
      list.release(slot);
      assertThat(t).isGreaterThanOrEqualTo(last);
      assertThat((double) times.get(id)).isEqualTo(t);
      if (t == last) {
        assertThat(id).as("FIFO among equal times").isGreaterThan(lastIdAtTime);
      }
      last = t;
      lastIdAtTime = id;
      fired.add(new int[] {id});
    }
    assertThat(fired).hasSize(times.size());
  }

  @Property(tries = 200)
  void cancel_removesExactlyTheCancelledEvents(
      @ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 1000) Integer> times,
      @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 399) Integer> toCancel) {
    EventList list = new EventList(4);
    EventHandler h = (type, arg, payload) -> {};
    List<Scheduled> scheduled = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      scheduled.add(new Scheduled(times.get(i), i, list.add(times.get(i), h, 0, i, null)));
    }
    Set<Integer> cancelled = new HashSet<>();
    for (int c : toCancel) {
      if (c < scheduled.size()) {
        boolean first = cancelled.add(c);
        assertThat(list.cancel(scheduled.get(c).handle()))
            .as("cancel returns true once, then false")
            .isEqualTo(first);
      }
    }
    assertThat(list.liveSize()).isEqualTo(times.size() - cancelled.size());
    Set<Integer> seen = new HashSet<>();
    double last = Double.NEGATIVE_INFINITY;
    while (!list.isEmpty()) {
      double t = list.peekTime();
      int slot = list.pollSlot();
      int id = list.argOf(slot);
      list.release(slot);
      assertThat(t).isGreaterThanOrEqualTo(last);
      last = t;
      seen.add(id);
    }
    Set<Integer> expected = new HashSet<>();
    for (int i = 0; i < times.size(); i++) {
      if (!cancelled.contains(i)) {
        expected.add(i);
      }
    }
    assertThat(seen).isEqualTo(expected);
  }

  @Property(tries = 50)
  void staleHandles_doNotCancelReusedSlots(@ForAll @IntRange(min = 1, max = 200) int n) {
    EventList list = new EventList(4);
    EventHandler h = (type, arg, payload) -> {};
    long[] handles = new long[n];
    for (int i = 0; i < n; i++) {
      handles[i] = list.add(i, h, 0, i, null);
    }
    for (int i = 0; i < n; i++) {
      list.release(list.pollSlot());
    }
    // Slots are reused by new events; the old handles must not touch them.
    for (int i = 0; i < n; i++) {
      list.add(1000 + i, h, 0, i, null);
    }
    for (long old : handles) {
      assertThat(list.cancel(old)).isFalse();
    }
    assertThat(list.liveSize()).isEqualTo(n);
  }
}
