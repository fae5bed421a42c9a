package dev.cascade.model.spec;

import java.util.List;

/**
 * App servers: {@code instances} each with {@code threads} and a bounded {@code queue}; a request
 * holds its thread for all of its {@code steps}.
 */
public record ServiceSpec(
    String name, int instances, int threads, int queue, Balance balance, List<StepSpec> steps)
    implements ComponentSpec {

  public ServiceSpec {
    steps = List.copyOf(steps);
  }

  @Override
  public ComponentKind kind() {
    return ComponentKind.SERVICE;
  }

  /** How requests are spread over instances. */
  public enum Balance {
    RANDOM,
    ROUND_ROBIN,
    LEAST_BUSY
  }
}
