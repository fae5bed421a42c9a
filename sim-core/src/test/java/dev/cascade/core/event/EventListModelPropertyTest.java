package dev.cascade.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The event list against a reference model (a TreeMap ordered by time, then scheduling order) under
 * random interleavings of add, cancel and poll. Small thresholds put the list through every part of
 * its calendar tier within a few hundred operations: spilling the heap, buckets and overflow,
 * sorted runs, re-partitioning when the rung is used up or the far events double, folding back into
 * the heap, compaction of cancelled entries, and the near entries switching between a sorted array
 * and a heap.
 */
class EventListModelPropertyTest {

  /** Reference key: time, then scheduling order (no NaN and no -0.0 are generated). */
  private record Key(double time, long seq) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = Double.compare(time, o.time);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private static final EventHandler[] HANDLERS = {
    (type, arg, payload) -> {}, (type, arg, payload) -> {}, (type, arg, payload) -> {}
  };

  @Property(tries = 400)
  void randomInterleavings_matchReferenceModel(
      @ForAll @Size(min = 1, max = 600) List<@IntRange(min = 0, max = 999) Integer> ops,
      // Up to 160: past the sorted array's limit (24), the near entries become a heap.
      @ForAll @IntRange(min = 4, max = 160) int spill,
      @ForAll @IntRange(min = 1, max = 16) int perBucket,
      @ForAll @IntRange(min = 0, max = 32) int minCompact,
      @ForAll @IntRange(min = 0, max = 3) int magnitude) {
    double scale = new double[] {1.0, 1e-6, 1e6, 1.0}[magnitude];
    double offset = magnitude == 3 ? 1e9 : 0.0;
    EventList list = new EventList(4, spill, perBucket, minCompact);
    TreeMap<Key, Integer> model = new TreeMap<>();
    Map<Integer, Key> keyOf = new HashMap<>();
    List<Long> handles = new ArrayList<>();
    long seq = 0;
    double now = offset;
    // Sequence numbers drawn ahead of scheduling, as a timeout queue does: (time, sequence).
    java.util.ArrayDeque<double[]> reserved = new java.util.ArrayDeque<>();
    for (int r : ops) {
      if (r < 620) {
        double time;
        if (r < 350) {
          time = now + (r % 7) * 0.5 * scale;
        } else if (r < 550) {
          time = now + (100 + (r % 50) * 37.0) * scale;
        } else if (r < 590) {
          time = now + (r % 3) * scale;
        } else if (r < 600) {
          time = Double.POSITIVE_INFINITY;
        } else {
          time = now - (1 + r % 5) * scale;
        }
        int id = handles.size();
        Object payload = id % 2 == 0 ? Integer.valueOf(id) : null;
        handles.add(list.add(time, HANDLERS[id % 3], id % 5, id, payload));
        Key key = new Key(time, seq++);
        model.put(key, id);
        keyOf.put(id, key);
      } else if (r < 660) {
        reserved.add(new double[] {now + (r % 3) * scale, list.nextSequence()});
        seq++;
      } else if (r < 700) {
        if (reserved.isEmpty()) {
          continue;
        }
        double[] res = reserved.poll();
        int id = handles.size();
        Object payload = id % 2 == 0 ? Integer.valueOf(id) : null;
        handles.add(
            list.addWithSequence(res[0], (long) res[1], HANDLERS[id % 3], id % 5, id, payload));
        Key key = new Key(res[0], (long) res[1]);
        model.put(key, id);
        keyOf.put(id, key);
      } else if (r < 850) {
        if (handles.isEmpty()) {
          continue;
        }
        int id = (int) ((r * 7919L) % handles.size());
        Key key = keyOf.get(id);
        boolean pending = key != null && model.containsKey(key);
        assertThat(list.cancel(handles.get(id))).as("cancel %d", id).isEqualTo(pending);
        if (pending) {
          model.remove(key);
        }
      } else {
        now = pollAndCheck(list, model, now);
      }
      assertThat(list.liveSize()).isEqualTo(model.size());
      assertThat(list.isEmpty()).isEqualTo(model.isEmpty());
    }
    while (!model.isEmpty()) {
      now = pollAndCheck(list, model, now);
    }
    assertThat(list.isEmpty()).isTrue();
    assertThat(list.peekTime()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(list.pollSlot()).isEqualTo(-1);
    for (long h : handles) {
      assertThat(list.cancel(h)).as("every handle is stale once drained").isFalse();
    }
  }

  private static double pollAndCheck(EventList list, TreeMap<Key, Integer> model, double now) {
    if (model.isEmpty()) {
      assertThat(list.peekTime()).isEqualTo(Double.POSITIVE_INFINITY);
      assertThat(list.pollSlot()).isEqualTo(-1);
      return now;
    }
    Map.Entry<Key, Integer> first = model.pollFirstEntry();
    int id = first.getValue();
    assertThat(list.peekTime()).isEqualTo(first.getKey().time());
    int slot = list.pollSlot();
    assertThat(list.argOf(slot)).as("event fired").isEqualTo(id);
    assertThat(list.typeOf(slot)).isEqualTo(id % 5);
    assertThat(list.handlerOf(slot)).isSameAs(HANDLERS[id % 3]);
    assertThat(list.payloadOf(slot)).isEqualTo(id % 2 == 0 ? Integer.valueOf(id) : null);
    list.release(slot);
    double t = first.getKey().time();
    return t == Double.POSITIVE_INFINITY ? now : Math.max(now, t);
  }

  @Property(tries = 200)
  void holdModel_firesInTimeThenSchedulingOrder(
      @ForAll @IntRange(min = 1, max = 3000) int pending,
      @ForAll @IntRange(min = 0, max = 4) int ties,
      @ForAll @IntRange(min = 1, max = 64) int perBucket,
      @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int seed) {
    // The hold model: every fired event schedules one more at an exponential delay. With ties > 0,
    // delays are rounded to a grid so that many events share a time.
    EventList list = new EventList(16, 16, perBucket, 16);
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    TreeMap<Key, Integer> model = new TreeMap<>();
    long seq = 0;
    int id = 0;
    for (int i = 0; i < pending; i++) {
      double t = delay(rnd, ties);
      list.add(t, HANDLERS[0], 0, id, null);
      model.put(new Key(t, seq++), id++);
    }
    for (int k = 0; k < 3 * pending; k++) {
      Map.Entry<Key, Integer> first = model.pollFirstEntry();
      double now = first.getKey().time();
      assertThat(list.peekTime()).isEqualTo(now);
      int slot = list.pollSlot();
      assertThat(list.argOf(slot)).isEqualTo(first.getValue());
      list.release(slot);
      double t = now + delay(rnd, ties);
      list.add(t, HANDLERS[0], 0, id, null);
      model.put(new Key(t, seq++), id++);
    }
    assertThat(list.liveSize()).isEqualTo(pending);
  }

  private static double delay(java.util.SplittableRandom rnd, int ties) {
    double d = -Math.log(1 - rnd.nextDouble()) * 1000;
    return ties == 0 ? d : Math.floor(d / (ties * 50)) * ties * 50;
  }
}
