package dev.cascade.model.spec;

/** A named component of the system; {@link ComponentKind} lists the kinds. */
public sealed interface ComponentSpec
    permits GatewaySpec, ServiceSpec, RedisSpec, DatabaseSpec, WorkerSpec {

  /** The component's unique name. */
  String name();

  /** The kind, as written in the scenario's {@code kind} field. */
  ComponentKind kind();
}
