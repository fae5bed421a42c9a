package dev.cascade.model.service;

import dev.cascade.core.event.TimeoutQueue;
import dev.cascade.model.flow.Backend;
import dev.cascade.model.flow.Request;
import dev.cascade.model.spec.Outcome;

/**
 * A synchronous call to a backend with a timeout, retries and an optional breaker. While the
 * breaker is open the call fails fast; a timed-out call leaves its work running at the backend.
 */
final class CallStep extends Step {

  private static final int TIMEOUT = 1;

  private final Backend target;
  private final TimeoutQueue timeouts;
  private final int retries;
  private final Breakers breaker;

  CallStep(
      Service service, int index, Backend target, double timeout, int retries, Breakers breaker) {
    super(service, index);
    this.target = target;
    this.timeouts = Double.isFinite(timeout) ? service.ctx().sim().timeouts(timeout) : null;
    this.retries = retries;
    this.breaker = breaker;
  }

  @Override
  public void begin(Request r) {
    r.callTries = 0;
    attempt(r);
  }

  private void attempt(Request r) {
    if (!breaker.tryAcquire(r.instance, now())) {
      service.finish(r, Outcome.ERROR);
      return;
    }
    r.callStart = now();
    int seq = ++r.callSeq;
    if (timeouts != null) {
      r.callTimer = timeouts.arm(service, TIMEOUT, index, r);
    }
    target.submit(Backend.QUERY, r, seq, service);
  }

  @Override
  public void onReply(Request r, int result) {
    if (timeouts != null) {
      timeouts.cancel(r.callTimer);
    }
    double duration = now() - r.callStart;
    if (result == Backend.OK) {
      breaker.onSuccess(r.instance, now(), duration);
      service.stepDone(r);
    } else {
      breaker.onError(r.instance, now(), duration);
      retryOrFail(r);
    }
  }

  @Override
  public void onEvent(Request r, int type) {
    r.callSeq++; // the reply, when it comes, is wasted work
    breaker.onError(r.instance, now(), now() - r.callStart);
    retryOrFail(r);
  }

  private void retryOrFail(Request r) {
    if (r.callTries < retries) {
      r.callTries++;
      attempt(r);
    } else {
      service.finish(r, Outcome.ERROR);
    }
  }
}
