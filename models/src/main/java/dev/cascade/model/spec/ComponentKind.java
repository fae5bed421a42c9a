package dev.cascade.model.spec;

/** Every kind of component, with the spec record that configures it. */
public enum ComponentKind {
  GATEWAY("gateway", GatewaySpec.class),
  SERVICE("service", ServiceSpec.class),
  REDIS("redis", RedisSpec.class),
  DATABASE("database", DatabaseSpec.class),
  WORKER("worker", WorkerSpec.class);

  private final String id;
  private final Class<? extends ComponentSpec> specClass;

  ComponentKind(String id, Class<? extends ComponentSpec> specClass) {
    this.id = id;
    this.specClass = specClass;
  }

  /** The name used in scenario files. */
  public String id() {
    return id;
  }

  /** The record bound from the scenario file. */
  public Class<? extends ComponentSpec> specClass() {
    return specClass;
  }

  /** The kind named {@code id}, or null. */
  public static ComponentKind byId(String id) {
    for (ComponentKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    return null;
  }
}
