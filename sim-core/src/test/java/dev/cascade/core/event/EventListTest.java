package dev.cascade.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EventListTest {

  private static final EventHandler NOOP = (type, arg, payload) -> {};

  @Test
  void manyCancelledTimeouts_heapStaysBoundedByLiveEvents() {
    EventList list = new EventList(16);
    // Every "request" arms a timeout that is cancelled at once: the heap must not keep them all.
    for (int i = 0; i < 1_000_000; i++) {
      long h = list.add(100.0 + i, NOOP, 1, i, null);
      list.cancel(h);
    }
    list.add(5.0, NOOP, 2, 0, null);
    assertThat(list.liveSize()).isEqualTo(1);
    assertThat(list.size()).isLessThan(10_000);
    assertThat(list.peekTime()).isEqualTo(5.0);
  }

  @Test
  void compaction_keepsOrderOfSurvivors() {
    EventList list = new EventList(16);
    Random r = new Random(42);
    long[] handles = new long[50_000];
    double[] times = new double[handles.length];
    for (int i = 0; i < handles.length; i++) {
      times[i] = r.nextInt(1000);
      handles[i] = list.add(times[i], NOOP, 0, i, null);
    }
    int kept = 0;
    for (int i = 0; i < handles.length; i++) {
      if (i % 10 != 0) {
        list.cancel(handles[i]);
      } else {
        kept++;
      }
    }
    double last = -1;
    int lastId = -1;
    int seen = 0;
    while (!list.isEmpty()) {
      double t = list.peekTime();
      int slot = list.pollSlot();
      int id = list.argOf(slot);
      list.release(slot);
      assertThat(id % 10).isZero();
      assertThat(t).isGreaterThanOrEqualTo(last);
      if (t == last) {
        assertThat(id).isGreaterThan(lastId);
      }
      last = t;
      lastId = id;
      seen++;
    }
    assertThat(seen).isEqualTo(kept);
  }

  @Test
  void empty_peekIsInfinite_pollIsMinusOne() {
    EventList list = new EventList();
    assertThat(list.peekTime()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(list.pollSlot()).isEqualTo(-1);
    assertThat(list.cancel(EventList.NO_EVENT)).isFalse();
  }
}
