package dev.cascade.scenario.bind;

import dev.cascade.model.spec.ComponentKind;
import dev.cascade.model.spec.StepSpec;
import dev.cascade.model.spec.StepSpec.CacheAside;
import dev.cascade.model.spec.StepSpec.Call;
import dev.cascade.model.spec.StepSpec.Coalesce;
import dev.cascade.model.spec.StepSpec.Enqueue;
import dev.cascade.model.spec.StepSpec.Fill;
import dev.cascade.model.spec.StepSpec.OnCacheError;
import dev.cascade.model.spec.StepSpec.OnError;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a list of steps ({@code work}, {@code cache_aside}, {@code call}, {@code enqueue}), each a
 * mapping with exactly one of those keys, run in order on the request's (or job's) thread.
 */
final class StepBinder {

  private static final List<String> STEP_KINDS = List.of("work", "cache_aside", "call", "enqueue");

  private StepBinder() {}

  /** The steps of component {@code owner}, from {@code r}'s {@code steps} field. */
  static List<StepSpec> bindAll(String owner, MapReader r, BindContext ctx) {
    List<StepSpec> steps = new ArrayList<>();
    for (MapReader step : r.maps("steps")) {
      StepSpec s = bind(owner, step, ctx);
      if (s != null) {
        steps.add(s);
      }
    }
    return steps;
  }

  private static StepSpec bind(String owner, MapReader step, BindContext ctx) {
    List<String> keys = step.keys();
    if (keys.size() != 1) {
      step.problem("a step has exactly one of " + String.join(", ", STEP_KINDS));
      step.skip(keys.toArray(String[]::new));
      return null;
    }
    String kind = keys.get(0);
    return switch (kind) {
      case "work" -> new StepSpec.Work(step.get("work", null, Kind.DISTRIBUTION));
      case "cache_aside" -> cacheAside(owner, step.sectionOrEmpty("cache_aside"), ctx);
      case "call" -> call(owner, step.sectionOrEmpty("call"), ctx);
      case "enqueue" -> enqueue(step.sectionOrEmpty("enqueue"), ctx);
      default -> {
        step.skip(kind);
        step.problems()
            .add(
                step.keyPos(kind),
                step.path(kind),
                "unknown step \"" + kind + "\" " + Suggest.hint(kind, STEP_KINDS));
        yield null;
      }
    };
  }

  private static CacheAside cacheAside(String owner, MapReader c, BindContext ctx) {
    String cache = c.get("cache", null, Kind.TEXT);
    ctx.call(c, "cache", owner, cache, ComponentKind.REDIS);
    String source = c.get("source", null, Kind.TEXT);
    ctx.call(c, "source", owner, source, ComponentKind.DATABASE, ComponentKind.SERVICE);
    String keyspace = c.getOrNone("keyspace", Defaults.CACHE_KEYSPACE, Kind.TEXT, null);
    int queries = c.integer("queries", Defaults.CACHE_QUERIES, 1);
    double timeout = positive(c, "timeout", Defaults.CACHE_TIMEOUT);
    String breaker = c.getOrNone("breaker", Defaults.CACHE_BREAKER, Kind.TEXT, null);
    ctx.breaker(c, "breaker", breaker);
    OnCacheError onError =
        c.choice(
            "on_cache_error", Defaults.ON_CACHE_ERROR, OnCacheError.values(), "source", "fail");
    Fill fill = c.choice("fill", Defaults.CACHE_FILL, Fill.values(), "async", "sync", "none");
    double ttl = c.getOrNone("ttl", Defaults.CACHE_TTL, Kind.DURATION, Double.POSITIVE_INFINITY);
    if (ttl <= 0) {
      c.invalid("ttl", "a duration > 0, or none");
    }
    Coalesce coalesce =
        c.choice("coalesce", Defaults.COALESCE, Coalesce.values(), "none", "instance", "global");
    StepSpec.RefreshSpec refresh = c.getOrNone("refresh", Defaults.REFRESH, Refresh.KIND, null);
    double sourceTimeout = positive(c, "source_timeout", Defaults.SOURCE_TIMEOUT);
    return new CacheAside(
        cache,
        source,
        keyspace,
        queries,
        timeout,
        breaker,
        onError,
        fill,
        ttl,
        coalesce,
        refresh,
        sourceTimeout);
  }

  private static Call call(String owner, MapReader c, BindContext ctx) {
    String target = c.get("target", null, Kind.TEXT);
    ctx.call(c, "target", owner, target, ComponentKind.DATABASE, ComponentKind.SERVICE);
    double timeout = positive(c, "timeout", Defaults.CALL_TIMEOUT);
    int retries = c.integer("retries", Defaults.CALL_RETRIES, 0);
    String breaker = c.getOrNone("breaker", Defaults.CALL_BREAKER, Kind.TEXT, null);
    ctx.breaker(c, "breaker", breaker);
    return new Call(target, timeout, retries, breaker);
  }

  private static Enqueue enqueue(MapReader e, BindContext ctx) {
    String broker = e.get("broker", null, Kind.TEXT);
    ctx.component(e, "broker", broker, ComponentKind.REDIS);
    String queue = e.get("queue", null, Kind.NAME);
    double probability = e.get("probability", Defaults.ENQUEUE_PROBABILITY, Kind.FRACTION);
    OnError onError =
        e.choice("on_error", Defaults.ENQUEUE_ON_ERROR, OnError.values(), "fail", "ignore");
    return new Enqueue(broker, queue, probability, onError);
  }

  private static double positive(MapReader r, String key, String def) {
    double v = r.get(key, def, Kind.DURATION);
    if (v <= 0) {
      r.invalid(key, "a duration > 0");
    }
    return v;
  }
}
