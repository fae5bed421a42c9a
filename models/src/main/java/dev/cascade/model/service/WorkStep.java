package dev.cascade.model.service;

import dev.cascade.core.random.Distribution;
import dev.cascade.model.flow.Request;

/** CPU or local work: holds the thread for a sampled time. */
final class WorkStep extends Step {

  private final Distribution time;

  WorkStep(Service service, int index, Distribution time) {
    super(service, index);
    this.time = time;
  }

  @Override
  public void begin(Request r) {
    service.ctx().sim().after(time.sample(), service, 0, index, r);
  }

  @Override
  public void onEvent(Request r, int type) {
    service.stepDone(r);
  }
}
