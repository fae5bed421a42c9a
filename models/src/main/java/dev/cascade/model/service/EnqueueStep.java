package dev.cascade.model.service;

import dev.cascade.model.flow.Request;

/**
 * Pushes a job to a broker queue. Until the broker model exists (issue 7) the push completes at
 * once and has no effect; the step is kept so scenarios that enqueue load and run unchanged.
 */
final class EnqueueStep extends Step {

  EnqueueStep(Service service, int index) {
    super(service, index);
  }

  @Override
  public void begin(Request r) {
    service.stepDone(r);
  }
}
