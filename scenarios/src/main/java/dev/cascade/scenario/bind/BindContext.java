package dev.cascade.scenario.bind;

import dev.cascade.model.spec.ComponentKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the binders of one model share: the problems, the scale, and the references they meet (names
 * of components, breakers and metrics, and the call edges between components). References are
 * checked by {@link ReferenceChecker} once every name is known, so a component may refer to one
 * defined further down the file.
 */
final class BindContext {

  /** What a reference must name. */
  enum Target {
    /** A component of one of the allowed kinds. */
    COMPONENT,
    /** A breaker policy. */
    BREAKER,
    /** A component or a workload class (fault targets). */
    COMPONENT_OR_CLASS,
    /** A metric {@code <name>.<metric>} from the metric catalog. */
    METRIC
  }

  /** A name written somewhere, to be checked against what exists. */
  record Ref(String name, Position pos, String path, Target target, Set<ComponentKind> kinds) {}

  /** A synchronous dependency {@code from -> to} (calls, next, cache and source). */
  record Edge(String from, String to, Position pos, String path) {}

  final Problems problems;
  final List<Ref> refs = new ArrayList<>();
  final List<Edge> edges = new ArrayList<>();

  /** Components whose kind is unknown: references to them are not reported again. */
  final Set<String> unbound = new java.util.HashSet<>();

  Scale scale = Scale.ONE;

  /** {@code scale_pools}: how counts that are not whole in the slice are simulated. */
  Scale.Pools pools = Scale.Pools.PER_UNIT;

  /** Instances or nodes of each bound service and database, by component name. */
  final java.util.Map<String, Scale.Units> units = new java.util.HashMap<>();

  BindContext(Problems problems) {
    this.problems = problems;
  }

  /** {@code real} instances or nodes of {@code component} in the slice, remembered by name. */
  Scale.Units units(String component, int real) {
    Scale.Units u = scale.units(real, pools);
    units.put(component, u);
    return u;
  }

  /** Shares that are not 1, by component ({@link dev.cascade.model.spec.ModelSpec#unitShares}). */
  java.util.Map<String, Double> unitShares() {
    java.util.Map<String, Double> shares = new java.util.TreeMap<>();
    units.forEach(
        (name, u) -> {
          if (u.share() != 1) {
            shares.put(name, u.share());
          }
        });
    return shares;
  }

  /**
   * {@code k} real units of {@code component} (a count in a fault or an autoscale rule) in the
   * slice's units of that component.
   */
  int count(String component, int k) {
    Scale.Units u = units.get(component);
    return u == null ? scale.count(k) : scale.count(k, u);
  }

  /** Records a reference to a component of one of {@code kinds} at {@code r}'s {@code key}. */
  void component(MapReader r, String key, String name, ComponentKind... kinds) {
    if (name != null && !name.isEmpty()) {
      Set<ComponentKind> allowed = EnumSet.noneOf(ComponentKind.class);
      allowed.addAll(List.of(kinds));
      refs.add(new Ref(name, r.posOf(key), r.path(key), Target.COMPONENT, allowed));
    }
  }

  /** Records a call edge {@code from -> name} as well as the reference. */
  void call(MapReader r, String key, String from, String name, ComponentKind... kinds) {
    component(r, key, name, kinds);
    if (name != null && !name.isEmpty()) {
      edges.add(new Edge(from, name, r.posOf(key), r.path(key)));
    }
  }

  void breaker(MapReader r, String key, String name) {
    if (name != null && !name.isEmpty()) {
      refs.add(new Ref(name, r.posOf(key), r.path(key), Target.BREAKER, Set.of()));
    }
  }

  void faultTarget(MapReader r, String key, String name, Set<ComponentKind> kinds) {
    if (name != null && !name.isEmpty()) {
      refs.add(new Ref(name, r.posOf(key), r.path(key), Target.COMPONENT_OR_CLASS, kinds));
    }
  }

  void metric(MapReader r, String key, String name) {
    if (name != null && !name.isEmpty()) {
      refs.add(new Ref(name, r.posOf(key), r.path(key), Target.METRIC, Set.of()));
    }
  }
}
