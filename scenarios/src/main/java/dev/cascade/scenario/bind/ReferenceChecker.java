package dev.cascade.scenario.bind;

import dev.cascade.model.MetricCatalog;
import dev.cascade.model.spec.BreakerSpec;
import dev.cascade.model.spec.ComponentKind;
import dev.cascade.model.spec.ComponentSpec;
import dev.cascade.model.spec.ModelSpec;
import dev.cascade.scenario.bind.BindContext.Edge;
import dev.cascade.scenario.bind.BindContext.Ref;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks, once a model is bound, that every name it uses exists and has the right kind (a cache is
 * a Redis, a breaker is a breaker policy, a metric is in the {@link MetricCatalog}), and that the
 * synchronous calls between components ({@code next}, {@code call}, cache and source) have no
 * cycle, which would make a request wait on itself.
 */
final class ReferenceChecker {

  private ReferenceChecker() {}

  static void check(ModelSpec spec, BindContext ctx) {
    for (Ref ref : ctx.refs) {
      if (ctx.unbound.contains(ref.name()) || ctx.unbound.contains(owner(ref.name()))) {
        continue;
      }
      switch (ref.target()) {
        case COMPONENT -> component(spec, ref, ctx.problems, false);
        case COMPONENT_OR_CLASS -> component(spec, ref, ctx.problems, true);
        case BREAKER -> {
          if (!spec.breakers().containsKey(ref.name())) {
            unknown(ref, "breaker", spec.breakers().keySet(), ctx.problems);
          }
        }
        case METRIC -> metric(spec, ref, ctx.problems);
      }
    }
    cycles(ctx);
  }

  private static String owner(String metric) {
    int dot = metric.indexOf('.');
    return dot < 0 ? metric : metric.substring(0, dot);
  }

  /** Why {@code metric} is not one of the model's metrics, or null when it is. */
  static String metricProblem(ModelSpec spec, String metric) {
    int dot = metric.indexOf('.');
    String owner = dot < 0 ? metric : metric.substring(0, dot);
    String name = dot < 0 ? "" : metric.substring(dot + 1);
    List<String> known;
    String what;
    ComponentSpec c = spec.components().get(owner);
    BreakerSpec b = spec.breakers().get(owner);
    if (c != null) {
      known = MetricCatalog.of(c.kind());
      what = owner + " (a " + c.kind().id() + ")";
    } else if (b != null) {
      known = MetricCatalog.BREAKER;
      what = owner + " (a breaker)";
    } else if (spec.workload().containsKey(owner)) {
      known = MetricCatalog.WORKLOAD;
      what = owner + " (a workload class)";
    } else {
      Set<String> owners = new LinkedHashSet<>(spec.workload().keySet());
      owners.addAll(spec.components().keySet());
      owners.addAll(spec.breakers().keySet());
      return "\""
          + metric
          + "\" names no component, breaker or workload class "
          + Suggest.hint(owner, owners);
    }
    if (known.contains(name)) {
      return null;
    }
    return what + " has no metric \"" + name + "\" " + Suggest.hint(name, known);
  }

  private static void metric(ModelSpec spec, Ref ref, Problems problems) {
    String why = metricProblem(spec, ref.name());
    if (why != null) {
      problems.add(ref.pos(), ref.path(), why);
    }
  }

  private static void component(ModelSpec spec, Ref ref, Problems problems, boolean classOk) {
    ComponentSpec c = spec.components().get(ref.name());
    if (c == null) {
      if (classOk && spec.workload().containsKey(ref.name())) {
        if (!ref.kinds().isEmpty()) {
          problems.add(
              ref.pos(),
              ref.path(),
              "\"" + ref.name() + "\" is a workload class, expected " + kinds(ref.kinds()));
        }
        return;
      }
      Set<String> candidates = new LinkedHashSet<>(spec.components().keySet());
      if (classOk) {
        candidates.addAll(spec.workload().keySet());
      }
      unknown(ref, classOk ? "component or workload class" : "component", candidates, problems);
      return;
    }
    if (!ref.kinds().contains(c.kind())) {
      String expected = ref.kinds().isEmpty() ? "a workload class" : kinds(ref.kinds());
      problems.add(
          ref.pos(),
          ref.path(),
          "\"" + ref.name() + "\" is a " + c.kind().id() + ", expected " + expected);
    }
  }

  private static String kinds(Set<ComponentKind> kinds) {
    return "a "
        + kinds.stream().map(ComponentKind::id).collect(Collectors.joining(" or "))
        + " component";
  }

  private static void unknown(Ref ref, String what, Set<String> known, Problems problems) {
    problems.add(
        ref.pos(),
        ref.path(),
        "unknown " + what + " \"" + ref.name() + "\" " + Suggest.hint(ref.name(), known));
  }

  /** Reports each cycle of call edges once, at the edge that closes it (depth-first search). */
  private static void cycles(BindContext ctx) {
    Map<String, Map<String, Edge>> out = new LinkedHashMap<>();
    for (Edge e : ctx.edges) {
      out.computeIfAbsent(e.from(), k -> new LinkedHashMap<>()).putIfAbsent(e.to(), e);
    }
    Set<String> done = new HashSet<>();
    for (String start : out.keySet()) {
      walk(start, new ArrayList<>(), out, done, ctx.problems);
    }
  }

  private static void walk(
      String at,
      List<String> stack,
      Map<String, Map<String, Edge>> out,
      Set<String> done,
      Problems problems) {
    if (done.contains(at)) {
      return;
    }
    stack.add(at);
    for (Edge e : out.getOrDefault(at, Map.of()).values()) {
      int i = stack.indexOf(e.to());
      if (i >= 0) {
        List<String> cycle = new ArrayList<>(stack.subList(i, stack.size()));
        cycle.add(e.to());
        problems.add(e.pos(), e.path(), "calls form a cycle: " + String.join(" -> ", cycle));
      } else {
        walk(e.to(), stack, out, done, problems);
      }
    }
    stack.remove(stack.size() - 1);
    done.add(at);
  }
}
