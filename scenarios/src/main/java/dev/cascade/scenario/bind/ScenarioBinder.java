package dev.cascade.scenario.bind;

import dev.cascade.core.unit.Durations;
import dev.cascade.model.spec.ModelSpec;
import dev.cascade.scenario.bind.Node.Field;
import dev.cascade.scenario.bind.Node.ListNode;
import dev.cascade.scenario.bind.Node.MapNode;
import dev.cascade.scenario.bind.Node.Scalar;
import dev.cascade.scenario.spec.WindowSpec;
import dev.cascade.scenario.spec.Windows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the scenario-level keys of a document: {@code scenario}, {@code description}, {@code seed},
 * {@code replications} (the header, read before the model), then {@code windows}, {@code variants},
 * {@code sweep} (read after it). Checks are in {@link CheckBinder}.
 */
final class ScenarioBinder {

  /** Top-level keys that are not part of the model. */
  static final List<String> SCENARIO_KEYS =
      List.of(
          "scenario",
          "description",
          "seed",
          "replications",
          "windows",
          "variants",
          "sweep",
          "checks");

  private static final int MAX_REPLICATIONS = 10_000;

  /** The header fields. */
  record Header(String name, String description, long seed, int replications) {}

  /** A swept path with its values, as written. */
  record Swept(String path, Position keyPos, List<Node> values) {}

  private ScenarioBinder() {}

  static Header header(MapReader r) {
    String name = r.get("scenario", null, Kind.TEXT);
    if (!name.isEmpty() && !name.matches("[a-z0-9-]+")) {
      r.problem(
          "scenario",
          '"'
              + name
              + "\" is not a scenario name (expected [a-z0-9-]+, e.g. url-shortener-redis-down)");
    }
    String description = r.get("description", Defaults.DESCRIPTION, Kind.TEXT);
    long seed = r.get("seed", Defaults.SEED, Kind.INTEGER);
    int replications = r.integer("replications", Defaults.REPLICATIONS, 1);
    if (replications > MAX_REPLICATIONS) {
      r.invalid("replications", "at most " + MAX_REPLICATIONS);
    }
    return new Header(name, description, seed, replications);
  }

  static List<WindowSpec> windows(MapReader r, ModelSpec base) {
    List<WindowSpec> out = new ArrayList<>();
    String horizon = Durations.format(base.horizon());
    // Without a valid horizon, nothing is compared with it (one problem, not one per window).
    boolean horizonOk = !r.problems().has("horizon");
    r.named("windows")
        .forEach(
            (name, w) -> {
              if (Windows.BUILT_IN.contains(name)) {
                w.problem("\"" + name + "\" is a built-in window; pick another name");
              }
              double from = w.get("from", Durations.format(base.warmup()), Kind.DURATION);
              double to = w.get("to", horizon, Kind.DURATION);
              if (!horizonOk) {
                // reported at the horizon
              } else if (to > base.horizon()) {
                w.invalid("to", "at most the horizon (" + horizon + ")");
              } else if (to <= from) {
                w.invalid("to", "after from");
              }
              out.add(new WindowSpec(name, from, to));
            });
    return out;
  }

  static List<VariantDef> variants(MapReader r) {
    List<VariantDef> out = new ArrayList<>();
    r.named("variants")
        .forEach(
            (name, v) -> {
              String description = v.get("description", Defaults.VARIANT_DESCRIPTION, Kind.TEXT);
              MapNode set = mapOrNull(v, "set");
              MapNode add = mapOrNull(v, "add");
              out.add(new VariantDef(name, description, set, add));
            });
    if (out.isEmpty()) {
      out.add(VariantDef.baseline());
    }
    return out;
  }

  static List<Swept> sweep(MapReader r) {
    Node n = r.raw("sweep");
    List<Swept> out = new ArrayList<>();
    if (n == null || n instanceof Scalar s && s.isNone()) {
      return out;
    }
    if (!(n instanceof MapNode m)) {
      r.problem("sweep", "expected a map of paths to lists of values, got " + n.describe());
      return out;
    }
    for (Field f : m.fields()) {
      if (f.value() instanceof ListNode l && !l.items().isEmpty()) {
        out.add(new Swept(f.key(), f.keyPos(), l.items()));
      } else {
        r.problems()
            .add(
                f.value().pos(),
                "sweep." + f.key(),
                "expected a non-empty list of values, got " + f.value().describe());
      }
    }
    return out;
  }

  /** The grid of a sweep: every combination, the first path varying slowest. */
  static List<Map<Swept, Node>> grid(List<Swept> sweep) {
    List<Map<Swept, Node>> points = new ArrayList<>();
    points.add(new LinkedHashMap<>());
    for (Swept s : sweep) {
      List<Map<Swept, Node>> next = new ArrayList<>();
      for (Map<Swept, Node> p : points) {
        for (Node v : s.values()) {
          Map<Swept, Node> q = new LinkedHashMap<>(p);
          q.put(s, v);
          next.add(q);
        }
      }
      points = next;
    }
    return sweep.isEmpty() ? List.of() : points;
  }

  private static MapNode mapOrNull(MapReader v, String key) {
    Node n = v.raw(key);
    if (n == null || n instanceof Scalar s && s.isNone()) {
      return null;
    }
    if (n instanceof MapNode m) {
      return m;
    }
    v.problem(key, "expected a map, got " + n.describe());
    return null;
  }
}
