package dev.cascade.core.event;

import java.util.Arrays;

/**
 * Small stable int ids for event handlers, found by identity, so that {@link EventList} stores an
 * int per event instead of a reference. With many events pending, the slots in use are scattered
 * over large arrays, and every reference stored into a large array costs a garbage-collector card
 * mark (with G1: a memory fence and a refinement-queue entry); on the hold model with a million
 * timers that was a third of the time per event.
 *
 * <p>A model has few handlers (one per component), so the registry is bounded: past {@value
 * #MAX_IDS} handlers, {@link #idOf} answers {@link #UNREGISTERED} and the caller keeps the
 * reference itself. Ids are never reused, so a handler stays reachable while its list lives.
 */
final class HandlerRegistry {

  /** The id that means "not registered: the reference is kept with the event". */
  static final int UNREGISTERED = 1;

  private static final int FIRST_ID = 2;
  private static final int MAX_IDS = 1 << 12;
  private static final EventHandler NONE = (type, arg, payload) -> {};

  /** Handlers by id (read directly on the hot path). */
  EventHandler[] byId = new EventHandler[16];

  private int nextId = FIRST_ID;
  private EventHandler[] keys = new EventHandler[32];
  private int[] keyIds = new int[32];
  private EventHandler last = NONE;
  private int lastId = UNREGISTERED;

  /** The id of {@code h}, registering it when there is room; never 0. */
  int idOf(EventHandler h) {
    return h == last ? lastId : lookup(h);
  }

  private int lookup(EventHandler h) {
    if (h == null) {
      return UNREGISTERED;
    }
    int mask = keys.length - 1;
    int i = hash(h) & mask;
    EventHandler k;
    while ((k = keys[i]) != null) {
      if (k == h) {
        last = h;
        lastId = keyIds[i];
        return lastId;
      }
      i = (i + 1) & mask;
    }
    if (nextId == MAX_IDS) {
      return UNREGISTERED;
    }
    int id = nextId++;
    if (id == byId.length) {
      byId = Arrays.copyOf(byId, 2 * id);
    }
    byId[id] = h;
    keys[i] = h;
    keyIds[i] = id;
    if (2 * (id - FIRST_ID + 1) > keys.length) {
      rehash();
    }
    last = h;
    lastId = id;
    return id;
  }

  private static int hash(EventHandler h) {
    return (System.identityHashCode(h) * 0x9E3779B9) >>> 16;
  }

  private void rehash() {
    int cap = 2 * keys.length;
    EventHandler[] newKeys = new EventHandler[cap];
    int[] newIds = new int[cap];
    for (int id = FIRST_ID; id < nextId; id++) {
      EventHandler h = byId[id];
      int i = hash(h) & (cap - 1);
      while (newKeys[i] != null) {
        i = (i + 1) & (cap - 1);
      }
      newKeys[i] = h;
      newIds[i] = id;
    }
    keys = newKeys;
    keyIds = newIds;
  }
}
