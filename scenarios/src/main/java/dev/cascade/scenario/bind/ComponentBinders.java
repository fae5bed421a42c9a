package dev.cascade.scenario.bind;

import dev.cascade.model.spec.ComponentKind;
import dev.cascade.model.spec.ComponentSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The one registry of component kinds: each {@link ComponentKind} with the binder of its fields.
 * The switch is exhaustive, so a new kind does not compile until it has a binder here.
 */
final class ComponentBinders {

  private static final List<String> KIND_IDS =
      Arrays.stream(ComponentKind.values()).map(ComponentKind::id).toList();

  private ComponentBinders() {}

  /** The binder of {@code kind}. */
  static ComponentBinder of(ComponentKind kind) {
    return switch (kind) {
      case GATEWAY -> GatewayBinder::bind;
      case SERVICE -> ServiceBinder::bind;
      case REDIS -> RedisBinder::bind;
      case DATABASE -> DatabaseBinder::bind;
      case WORKER -> WorkerBinder::bind;
    };
  }

  /** Binds every component of the {@code components} section, in file order. */
  static void bindAll(
      Map<String, MapReader> readers, BindContext ctx, Map<String, ComponentSpec> out) {
    readers.forEach(
        (name, r) -> {
          String kindId = r.get("kind", null, Kind.TEXT);
          ComponentKind kind = ComponentKind.byId(kindId);
          if (kind == null) {
            ctx.unbound.add(name);
            r.skip(r.keys().toArray(String[]::new));
            if (!kindId.isEmpty()) {
              r.problem(
                  "kind",
                  '"' + kindId + "\" is not a component kind " + Suggest.hint(kindId, KIND_IDS));
            }
            return;
          }
          out.put(name, of(kind).bind(name, r, ctx));
        });
  }
}
