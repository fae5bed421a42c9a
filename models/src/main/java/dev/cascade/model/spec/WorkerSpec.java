package dev.cascade.model.spec;

import dev.cascade.core.random.DistributionSpec;
import java.util.List;

/** Background consumers of a broker queue. */
public record WorkerSpec(
    String name,
    String broker,
    String queue,
    int consumers,
    DistributionSpec job,
    List<StepSpec> steps,
    BackoffSpec reconnect)
    implements ComponentSpec {

  public WorkerSpec {
    steps = List.copyOf(steps);
  }

  @Override
  public ComponentKind kind() {
    return ComponentKind.WORKER;
  }
}
