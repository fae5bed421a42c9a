package dev.cascade.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The calendar tier of the event list at its default thresholds. */
class EventListTiersTest {

  private static final EventHandler NOOP = (type, arg, payload) -> {};

  /** Reference entry: time, then scheduling order. */
  private record Ref(double time, long seq, int id) implements Comparable<Ref> {
    @Override
    public int compareTo(Ref o) {
      int c = Double.compare(time, o.time);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  @Test
  void holdModel_withManyPending_usesCalendarTier_andKeepsExactOrder() {
    EventList list = new EventList(16);
    PriorityQueue<Ref> ref = new PriorityQueue<>();
    SplittableRandom rnd = new SplittableRandom(7);
    long seq = 0;
    int pending = 200_000;
    for (int i = 0; i < pending; i++) {
      // A grid of 1/8 makes equal times common.
      double t = Math.floor(-Math.log(1 - rnd.nextDouble()) * 8 * pending) / 8;
      list.add(t, NOOP, 0, i, null);
      ref.add(new Ref(t, seq++, i));
    }
    assertThat(list.farTierActive()).isTrue();
    int next = pending;
    for (int k = 0; k < 1_000_000; k++) {
      Ref first = ref.poll();
      assertThat(list.peekTime()).isEqualTo(first.time());
      int slot = list.pollSlot();
      assertThat(list.argOf(slot)).isEqualTo(first.id());
      list.release(slot);
      double t = first.time() + Math.floor(-Math.log(1 - rnd.nextDouble()) * 8 * pending) / 8;
      list.add(t, NOOP, 0, next, null);
      ref.add(new Ref(t, seq++, next++));
    }
    assertThat(list.liveSize()).isEqualTo(pending);
    assertThat(list.heapSize()).as("the heap holds only the near future").isLessThan(1000);
  }

  /**
   * A model's usual pending set: a hundred events within milliseconds (requests in service) and a
   * few far ones (the next metrics sample, the end of a fault twenty minutes on). The far ones must
   * not widen the buckets until every near event is in the heap: the bucket width comes from the
   * median pending time, not the mean.
   */
  @Test
  void fewFarEvents_doNotPutTheNearFutureInTheHeap() {
    EventList list = new EventList(16);
    PriorityQueue<Ref> ref = new PriorityQueue<>();
    SplittableRandom rnd = new SplittableRandom(11);
    long seq = 0;
    int id = 0;
    for (double far : new double[] {1.0, 2.0, 1200.0, 1500.0}) {
      list.add(far, NOOP, 0, id, null);
      ref.add(new Ref(far, seq++, id++));
    }
    for (int i = 0; i < 120; i++) {
      double t = -Math.log(1 - rnd.nextDouble()) * 1e-3;
      list.add(t, NOOP, 0, id, null);
      ref.add(new Ref(t, seq++, id++));
    }
    long maxHeap = 0;
    long heapSum = 0;
    int steps = 200_000;
    for (int k = 0; k < steps; k++) {
      Ref first = ref.poll();
      assertThat(list.peekTime()).isEqualTo(first.time());
      int slot = list.pollSlot();
      assertThat(list.argOf(slot)).isEqualTo(first.id());
      list.release(slot);
      // Each event schedules its successor about a millisecond on (a closed system of 120).
      double t = first.time() + -Math.log(1 - rnd.nextDouble()) * 1e-3;
      list.add(t, NOOP, 0, id, null);
      ref.add(new Ref(t, seq++, id++));
      heapSum += list.heapSize();
      maxHeap = Math.max(maxHeap, list.heapSize());
    }
    assertThat(list.farTierActive()).isTrue();
    // With the mean, the far events made one bucket seconds wide: all 120 near events in the heap.
    assertThat(heapSum / (double) steps).as("mean heap size").isLessThan(24);
    assertThat(maxHeap).isLessThan(64);
  }

  @Test
  void farFutureTimeouts_mostlyCancelled_stayBounded_andSurvivorsFireInOrder() {
    EventList list = new EventList(16);
    int n = 400_000;
    long[] handles = new long[n];
    for (int i = 0; i < n; i++) {
      handles[i] = list.add(1000.0 + (i * 7919L % n), NOOP, 0, i, null);
    }
    assertThat(list.farTierActive()).isTrue();
    for (int i = 0; i < n; i++) {
      if (i % 10 != 0) {
        assertThat(list.cancel(handles[i])).isTrue();
      }
    }
    assertThat(list.liveSize()).isEqualTo(n / 10);
    assertThat(list.size()).isLessThanOrEqualTo(2 * (n / 10) + 4097);
    double last = Double.NEGATIVE_INFINITY;
    int seen = 0;
    while (!list.isEmpty()) {
      double t = list.peekTime();
      int slot = list.pollSlot();
      assertThat(list.argOf(slot) % 10).isZero();
      assertThat(t).isGreaterThan(last);
      last = t;
      list.release(slot);
      seen++;
    }
    assertThat(seen).isEqualTo(n / 10);
  }

  @Test
  void equalTimes_inLargeNumbers_fireInSchedulingOrder() {
    // 100,000 events at three times: buckets cannot split them, the run sorts them by sequence.
    EventList list = new EventList(16);
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      list.add(new double[] {50.0, 5.0, 500.0}[i % 3], NOOP, 0, i, null);
    }
    int lastId = -1;
    double lastTime = -1;
    for (int k = 0; k < n; k++) {
      double t = list.peekTime();
      int slot = list.pollSlot();
      int id = list.argOf(slot);
      list.release(slot);
      if (t == lastTime) {
        assertThat(id).isGreaterThan(lastId);
      } else {
        assertThat(t).isGreaterThan(lastTime);
      }
      lastTime = t;
      lastId = id;
    }
    assertThat(list.isEmpty()).isTrue();
  }

  @Test
  void manyDistinctHandlers_eachEventReachesItsOwn() {
    // More handlers than the registry keeps: the rest are stored with their events.
    EventList list = new EventList(16);
    int n = 60_000;
    EventHandler[] handlers = new EventHandler[n];
    for (int i = 0; i < n; i++) {
      handlers[i] = (type, arg, payload) -> {};
      list.add((i * 31L) % n, handlers[i], 0, i, i % 2 == 0 ? "p" + i : null);
    }
    assertThat(list.farTierActive()).isTrue();
    for (int k = 0; k < n; k++) {
      int slot = list.pollSlot();
      int id = list.argOf(slot);
      assertThat(list.handlerOf(slot)).isSameAs(handlers[id]);
      assertThat(list.payloadOf(slot)).isEqualTo(id % 2 == 0 ? "p" + id : null);
      list.release(slot);
    }
  }

  @Test
  void infiniteTimes_fireLast_inSchedulingOrder() {
    EventList list = new EventList(16);
    int n = 50_000;
    for (int i = 0; i < n; i++) {
      double t = i % 5 == 0 ? Double.POSITIVE_INFINITY : i;
      list.add(t, NOOP, 0, i, null);
    }
    double last = -1;
    int lastInfinite = -1;
    for (int k = 0; k < n; k++) {
      double t = list.peekTime();
      int slot = list.pollSlot();
      int id = list.argOf(slot);
      list.release(slot);
      assertThat(t).isGreaterThanOrEqualTo(last);
      if (t == Double.POSITIVE_INFINITY) {
        assertThat(id).isGreaterThan(lastInfinite);
        lastInfinite = id;
      }
      last = t;
    }
    assertThat(lastInfinite).isEqualTo(n - 5);
  }

  @Test
  void invalidEvents_areRejected_andLeaveTheListIntact() {
    EventList list = new EventList(16);
    for (int i = 0; i < 40_000; i++) {
      list.add(i, NOOP, 0, i, null);
    }
    assertThatThrownBy(() -> list.add(Double.NaN, NOOP, 0, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> list.add(1.0, null, 0, 0, null))
        .isInstanceOf(NullPointerException.class);
    assertThat(list.liveSize()).isEqualTo(40_000);
    for (int i = 0; i < 40_000; i++) {
      int slot = list.pollSlot();
      assertThat(list.argOf(slot)).isEqualTo(i);
      list.release(slot);
    }
    assertThat(list.isEmpty()).isTrue();
  }

  @Test
  void drainingTheCalendar_returnsToHeapOnly() {
    EventList list = new EventList(16);
    for (int i = 0; i < 100_000; i++) {
      list.add(i, NOOP, 0, i, null);
    }
    assertThat(list.farTierActive()).isTrue();
    for (int i = 0; i < 100_000; i++) {
      list.release(list.pollSlot());
    }
    assertThat(list.pollSlot()).isEqualTo(-1);
    assertThat(list.farTierActive()).isFalse();
    list.add(5.0, NOOP, 0, 1, null);
    list.add(1e12, NOOP, 0, 2, null);
    assertThat(list.heapSize()).isEqualTo(2);
    assertThat(list.argOf(list.pollSlot())).isEqualTo(1);
  }

  /**
   * A Component keeps its id per list: shared by two lists, each list still finds the right one.
   */
  @Test
  void components_sharedByTwoLists_eachEventReachesItsHandler() {
    List<String> got = new ArrayList<>();
    final class Probe extends Component {
      private final String name;

      Probe(String name) {
        this.name = name;
      }

      @Override
      public void handle(int type, int arg, Object payload) {
        got.add(name + arg);
      }
    }
    Probe x = new Probe("x");
    Probe y = new Probe("y");
    EventHandler lambda = (type, arg, payload) -> got.add("l" + arg);
    EventList first = new EventList(16, 4, 8, 0);
    EventList second = new EventList(16, 4, 8, 0);
    List<String> expectFirst = new ArrayList<>();
    List<String> expectSecond = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      EventHandler h1 = i % 3 == 0 ? x : i % 3 == 1 ? y : lambda;
      EventHandler h2 = i % 3 == 0 ? y : i % 3 == 1 ? lambda : x;
      first.add(i, h1, 0, i, null);
      second.add(i, h2, 0, i, null);
      expectFirst.add((i % 3 == 0 ? "x" : i % 3 == 1 ? "y" : "l") + i);
      expectSecond.add((i % 3 == 0 ? "y" : i % 3 == 1 ? "l" : "x") + i);
    }
    assertThat(first.farTierActive()).isTrue();
    drain(first);
    assertThat(got).containsExactlyElementsOf(expectFirst);
    got.clear();
    drain(second);
    assertThat(got).containsExactlyElementsOf(expectSecond);
  }

  private static void drain(EventList list) {
    int slot;
    while ((slot = list.pollSlot()) >= 0) {
      EventHandler h = list.handlerOf(slot);
      int type = list.typeOf(slot);
      int arg = list.argOf(slot);
      Object payload = list.payloadOf(slot);
      list.release(slot);
      h.handle(type, arg, payload);
    }
  }
}
