package dev.cascade.model.service;

import dev.cascade.core.event.TimeoutQueue;
import dev.cascade.model.flow.Backend;
import dev.cascade.model.flow.Request;
import dev.cascade.model.redis.Redis;
import dev.cascade.model.spec.Outcome;
import dev.cascade.model.spec.StepSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Cache-aside read: ask the cache (through its breaker, with a per-call timeout); on a hit the step
 * is done; on a miss, or on a cache failure with {@code on_cache_error: source}, run {@code
 * queries} source queries and fill the cache (async: fire and forget; sync: wait for the write),
 * with the step's TTL.
 *
 * <p>While the breaker is open the cache is skipped and the request goes straight to the source:
 * that is what turns a cache outage into database load. Without a breaker, every request first
 * waits for the cache to refuse (fast) or to time out (a hang costs the full timeout).
 *
 * <p>With workload keys (a key-level cache) three stampede defences apply: {@code coalesce} (single
 * flight: concurrent misses on one key, per instance or globally, wait for one source fetch and
 * share its result), {@code refresh: xfetch(BETA)} (probabilistic early recompute, see {@link
 * XFetch}) and {@code refresh: stale-while-revalidate(D)} (a key is kept D longer than its TTL; a
 * read in that window is served stale and triggers one background refresh). Without keys there is
 * no key to coalesce on or to expire, and these settings have no effect.
 */
final class CacheAsideStep extends Step {

  private static final int CACHE = 0;
  private static final int SOURCE = 1;
  private static final int FILL = 2;
  private static final int WAIT_FLIGHT = 3;

  private static final int CACHE_TIMEOUT = 1;
  private static final int SOURCE_TIMEOUT = 2;
  private static final int FILL_TIMEOUT = 3;

  private static final Backend.Reply IGNORE = (r, seq, result) -> {};

  private final Redis cache;
  private final int keyOffset; // where this step's keyspace starts in the cache's key ranks
  private final Backend source;
  private final StepSpec.CacheAside spec;
  private final Breakers breaker;
  private final TimeoutQueue cacheTimeouts;
  private final TimeoutQueue sourceTimeouts;
  private final TimeoutQueue fillTimeouts;

  /** Fetches in flight by key (one map for the step: the key says whose flight it is). */
  private final Map<Long, List<Request>> flights;

  private final UniformRandomProvider refreshRng;
  private final double staleWindow;
  private final double storedTtl;
  private final Map<Long, Boolean> refreshing = new HashMap<>();
  private double fetchSeconds = Double.NaN; // EWMA of source fetch time: XFetch's delta

  CacheAsideStep(
      Service service,
      int index,
      StepSpec.CacheAside spec,
      Redis cache,
      Backend source,
      Breakers breaker) {
    super(service, index);
    this.spec = spec;
    this.cache = cache;
    this.keyOffset = cache.keyOffset(spec.keyspace());
    this.source = source;
    this.breaker = breaker;
    var sim = service.ctx().sim();
    this.cacheTimeouts = Double.isFinite(spec.timeout()) ? sim.timeouts(spec.timeout()) : null;
    this.sourceTimeouts =
        Double.isFinite(spec.sourceTimeout()) ? sim.timeouts(spec.sourceTimeout()) : null;
    this.fillTimeouts =
        spec.fill() == StepSpec.Fill.SYNC && Double.isFinite(spec.timeout())
            ? sim.timeouts(spec.timeout())
            : null;
    this.flights = spec.coalesce() == StepSpec.Coalesce.NONE ? null : new HashMap<>();
    this.refreshRng = service.ctx().stream(service.name(), "refresh." + index);
    StepSpec.RefreshSpec refresh = spec.refresh();
    this.staleWindow =
        refresh != null && refresh.kind() == StepSpec.RefreshSpec.Kind.STALE_WHILE_REVALIDATE
            ? refresh.window()
            : 0;
    this.storedTtl = spec.ttl() + staleWindow;
  }

  @Override
  public void begin(Request r) {
    r.breakerPermitted = breaker.tryAcquire(r.instance, now());
    if (!r.breakerPermitted) {
      toSource(r); // skips the cache, and later its fill
      return;
    }
    r.phase = CACHE;
    r.callStart = now();
    int seq = ++r.callSeq;
    if (cacheTimeouts != null) {
      r.callTimer = cacheTimeouts.arm(service, CACHE_TIMEOUT, index, r);
    }
    cache.get(r, keyOffset, seq, service);
  }

  @Override
  public void onReply(Request r, int result) {
    switch (r.phase) {
      case CACHE -> cacheReply(r, result);
      case SOURCE -> sourceReply(r, result);
      case FILL -> {
        if (fillTimeouts != null) {
          fillTimeouts.cancel(r.callTimer);
        }
        service.stepDone(r);
      }
      default -> throw new IllegalStateException("phase " + r.phase);
    }
  }

  private void cacheReply(Request r, int result) {
    if (cacheTimeouts != null) {
      cacheTimeouts.cancel(r.callTimer);
    }
    double duration = now() - r.callStart;
    if (result == Backend.OK || result == Backend.MISS) {
      breaker.onSuccess(r.instance, now(), duration);
      if (result == Backend.MISS) {
        toSource(r);
      } else if (earlyRecompute(r)) {
        toSource(r);
      } else {
        service.stepDone(r);
      }
      return;
    }
    breaker.onError(r.instance, now(), duration);
    cacheFailed(r);
  }

  /** XFetch or stale-while-revalidate on a hit; true when this reader recomputes now. */
  private boolean earlyRecompute(Request r) {
    StepSpec.RefreshSpec refresh = spec.refresh();
    if (refresh == null || r.key < 0 || !cache.keyLevel()) {
      return false;
    }
    double expiry = cache.expiresAt(r, keyOffset) - staleWindow;
    if (refresh.kind() == StepSpec.RefreshSpec.Kind.XFETCH) {
      double delta = Double.isNaN(fetchSeconds) ? 0 : fetchSeconds;
      return XFetch.recompute(now(), expiry, delta, refresh.beta(), 1 - refreshRng.nextDouble());
    }
    if (now() >= expiry && refreshing.putIfAbsent(r.key, Boolean.TRUE) == null) {
      // Served stale; one background fetch refreshes the key.
      new BackgroundRefresh(r.key).start();
    }
    return false;
  }

  private void cacheFailed(Request r) {
    if (spec.onCacheError() == StepSpec.OnCacheError.SOURCE) {
      toSource(r);
    } else {
      service.finish(r, Outcome.ERROR);
    }
  }

  @Override
  public void onEvent(Request r, int type) {
    r.callSeq++; // a reply that comes later is wasted work
    switch (type) {
      case CACHE_TIMEOUT -> {
        breaker.onError(r.instance, now(), now() - r.callStart);
        cacheFailed(r);
      }
      case SOURCE_TIMEOUT -> sourceDone(r, false);
      case FILL_TIMEOUT -> service.stepDone(r); // the read succeeded; only the fill is lost
      default -> throw new IllegalStateException("timer " + type);
    }
  }

  private Map<Long, List<Request>> flightMap() {
    return flights;
  }

  /** Global: one flight per key across the service; instance: one per key and instance. */
  private long flightKey(Request r) {
    return spec.coalesce() == StepSpec.Coalesce.GLOBAL
        ? r.key
        : r.key * service.instances() + r.instance;
  }

  private void toSource(Request r) {
    Map<Long, List<Request>> map = flightMap();
    if (map != null && r.key >= 0) {
      List<Request> flight = map.get(flightKey(r));
      if (flight != null) {
        r.phase = WAIT_FLIGHT; // hold the thread until the leader's fetch answers for all
        flight.add(r);
        return;
      }
      map.put(flightKey(r), new ArrayList<>(0));
    }
    r.phase = SOURCE;
    r.queriesLeft = spec.queries();
    r.callStart = now();
    query(r);
  }

  private void query(Request r) {
    int seq = ++r.callSeq;
    if (sourceTimeouts != null) {
      r.callTimer = sourceTimeouts.arm(service, SOURCE_TIMEOUT, index, r);
    }
    source.submit(Backend.QUERY, r, seq, service);
  }

  private void sourceReply(Request r, int result) {
    if (sourceTimeouts != null) {
      sourceTimeouts.cancel(r.callTimer);
    }
    if (result != Backend.OK) {
      sourceDone(r, false);
      return;
    }
    if (--r.queriesLeft > 0) {
      query(r);
      return;
    }
    double took = now() - r.callStart;
    fetchSeconds = Double.isNaN(fetchSeconds) ? took : 0.9 * fetchSeconds + 0.1 * took;
    sourceDone(r, true);
  }

  /** The leader's fetch ended: finish it (and every request that waited on its flight). */
  private void sourceDone(Request r, boolean ok) {
    List<Request> waiters = null;
    Map<Long, List<Request>> map = flightMap();
    if (map != null && r.key >= 0) {
      waiters = map.remove(flightKey(r));
    }
    if (!ok) {
      service.finish(r, Outcome.ERROR);
    } else {
      fill(r);
    }
    if (waiters != null) {
      for (Request w : waiters) {
        if (ok) {
          service.stepDone(w);
        } else {
          service.finish(w, Outcome.ERROR);
        }
      }
    }
  }

  private void fill(Request r) {
    if (!r.breakerPermitted) {
      service.stepDone(r); // the breaker keeps writes off the failing cache too
      return;
    }
    switch (spec.fill()) {
      case NONE -> service.stepDone(r);
      case ASYNC -> {
        cache.fill(r, keyOffset, 0, IGNORE, storedTtl);
        service.stepDone(r);
      }
      case SYNC -> {
        r.phase = FILL;
        int seq = ++r.callSeq;
        if (fillTimeouts != null) {
          r.callTimer = fillTimeouts.arm(service, FILL_TIMEOUT, index, r);
        }
        cache.fill(r, keyOffset, seq, service, storedTtl);
      }
    }
  }

  /** Stale-while-revalidate: a fetch off the request path, then a fill with a fresh TTL. */
  private final class BackgroundRefresh implements Backend.Reply, Request.Client {
    private final Request probe;

    BackgroundRefresh(long key) {
      this.probe = new Request(this, now(), 0, key, null);
    }

    void start() {
      source.submit(Backend.QUERY, probe, probe.callSeq, this);
    }

    @Override
    public void onReply(Request r, int seq, int result) {
      refreshing.remove(r.key);
      if (result == Backend.OK) {
        cache.fill(r, keyOffset, 0, IGNORE, storedTtl);
      }
    }

    @Override
    public void onResponse(Request r, Outcome outcome) {
      // never answered to a client
    }
  }
}
