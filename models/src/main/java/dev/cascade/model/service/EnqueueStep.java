package dev.cascade.model.service;

import dev.cascade.core.event.TimeoutQueue;
import dev.cascade.model.flow.Request;
import dev.cascade.model.redis.JobQueue;
import dev.cascade.model.redis.Redis;
import dev.cascade.model.spec.Outcome;
import dev.cascade.model.spec.StepSpec;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Pushes a job to a broker queue (LPUSH) with some probability, waiting for the broker's answer up
 * to the enqueue timeout. A refused, rejected (out of memory) or timed-out push counts as an
 * enqueue failure and fails the request ({@code on_error: fail}) or is ignored.
 */
final class EnqueueStep extends Step {

  private static final int TIMEOUT = 1;

  private final Redis broker;
  private final JobQueue queue;
  private final StepSpec.Enqueue spec;
  private final UniformRandomProvider rng;
  private final TimeoutQueue timeouts;

  EnqueueStep(Service service, int index, StepSpec.Enqueue spec, Redis broker) {
    super(service, index);
    this.spec = spec;
    this.broker = broker;
    this.queue = broker.jobQueue(spec.queue());
    this.rng = service.ctx().stream(service.name(), "enqueue." + index);
    this.timeouts = service.ctx().sim().timeouts(spec.timeout());
  }

  @Override
  public void begin(Request r) {
    if (spec.probability() < 1 && rng.nextDouble() >= spec.probability()) {
      service.stepDone(r);
      return;
    }
    int seq = ++r.callSeq;
    r.callTimer = timeouts.arm(service, TIMEOUT, index, r);
    broker.enqueue(queue, r, seq, service);
  }

  @Override
  public void onReply(Request r, int result) {
    timeouts.cancel(r.callTimer);
    if (result == Redis.OK) {
      service.stepDone(r);
    } else {
      failed(r);
    }
  }

  @Override
  public void onEvent(Request r, int type) {
    r.callSeq++;
    failed(r);
  }

  private void failed(Request r) {
    queue.enqueueFailures().inc();
    if (spec.onError() == StepSpec.OnError.FAIL) {
      service.finish(r, Outcome.ERROR);
    } else {
      service.stepDone(r);
    }
  }
}
