package dev.cascade.model.service;

import dev.cascade.core.event.TimeoutQueue;
import dev.cascade.model.flow.Backend;
import dev.cascade.model.flow.Request;
import dev.cascade.model.spec.Outcome;
import dev.cascade.model.spec.StepSpec;

/**
 * Cache-aside read: ask the cache (through its breaker, with a per-call timeout); on a hit the step
 * is done; on a miss, or on a cache failure with {@code on_cache_error: source}, run {@code
 * queries} source queries and fill the cache (async: fire and forget; sync: wait for the write).
 *
 * <p>While the breaker is open the cache is skipped and the request goes straight to the source:
 * that is what turns a cache outage into database load. Without a breaker, every request first
 * waits for the cache to refuse (fast) or to time out (a hang costs the full timeout).
 */
final class CacheAsideStep extends Step {

  private static final int CACHE = 0;
  private static final int SOURCE = 1;
  private static final int FILL = 2;

  private static final int CACHE_TIMEOUT = 1;
  private static final int SOURCE_TIMEOUT = 2;
  private static final int FILL_TIMEOUT = 3;

  private static final Backend.Reply IGNORE = (r, seq, result) -> {};

  private final Backend cache;
  private final Backend source;
  private final StepSpec.CacheAside spec;
  private final Breakers breaker;
  private final TimeoutQueue cacheTimeouts;
  private final TimeoutQueue sourceTimeouts;
  private final TimeoutQueue fillTimeouts;

  CacheAsideStep(
      Service service,
      int index,
      StepSpec.CacheAside spec,
      Backend cache,
      Backend source,
      Breakers breaker) {
    super(service, index);
    this.spec = spec;
    this.cache = cache;
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
  }

  @Override
  public void begin(Request r) {
    if (!breaker.tryAcquire(r.instance, now())) {
      toSource(r);
      return;
    }
    r.phase = CACHE;
    r.callStart = now();
    int seq = ++r.callSeq;
    if (cacheTimeouts != null) {
      r.callTimer = cacheTimeouts.arm(service, CACHE_TIMEOUT, index, r);
    }
    cache.submit(Backend.GET, r, seq, service);
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
      if (result == Backend.OK) {
        service.stepDone(r);
      } else {
        toSource(r);
      }
      return;
    }
    breaker.onError(r.instance, now(), duration);
    cacheFailed(r);
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
      case SOURCE_TIMEOUT -> service.finish(r, Outcome.ERROR);
      case FILL_TIMEOUT -> service.stepDone(r); // the read succeeded; only the fill is lost
      default -> throw new IllegalStateException("timer " + type);
    }
  }

  private void toSource(Request r) {
    r.phase = SOURCE;
    r.queriesLeft = spec.queries();
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
      service.finish(r, Outcome.ERROR);
      return;
    }
    if (--r.queriesLeft > 0) {
      query(r);
      return;
    }
    switch (spec.fill()) {
      case NONE -> service.stepDone(r);
      case ASYNC -> {
        cache.submit(Backend.SET, r, 0, IGNORE);
        service.stepDone(r);
      }
      case SYNC -> {
        r.phase = FILL;
        int seq = ++r.callSeq;
        if (fillTimeouts != null) {
          r.callTimer = fillTimeouts.arm(service, FILL_TIMEOUT, index, r);
        }
        cache.submit(Backend.SET, r, seq, service);
      }
    }
  }
}
