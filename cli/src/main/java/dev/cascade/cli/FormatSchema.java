package dev.cascade.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schema (draft 2020-12) of the scenario format of SCENARIO-FORMAT.md, for editor
 * completion and validation (e.g. the YAML language server's {@code # yaml-language-server:
 * $schema=...}). It mirrors the spec records field by field; unknown fields are not allowed, as the
 * loader rejects them too. Values with units are strings with a pattern.
 */
final class FormatSchema {

  private static final String NUM = "[0-9]+(\\.[0-9]+)?";
  static final String DURATION = "^(" + NUM + "(ns|us|ms|s|m|h|d))+$|^0$";
  static final String RATE = "^" + NUM + "[kMG]?/(s|m|h)$";
  static final String SIZE = "^" + NUM + "(b|kb|mb|gb|B|KB|MB|GB)$";

  private FormatSchema() {}

  static String json() {
    ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    return mapper.writeValueAsString(schema());
  }

  static Map<String, Object> schema() {
    Map<String, Object> defs = new LinkedHashMap<>();
    defs.put(
        "duration", str("A duration: number + ns us ms s m h d (500ms, 20m, 8m12s).", DURATION));
    defs.put("rate", str("A rate: number [k M G] + /s /m /h (1M/s, 50k/s, 600/m).", RATE));
    defs.put("size", str("A size: number + b kb mb gb (1 kb = 1024 b).", SIZE));
    defs.put(
        "count",
        anyOf(
            "A count: integer [k M G] (40M, 200).",
            Map.of("type", "integer", "minimum", 0),
            str(null, "^[0-9]+(\\.[0-9]+)?[kMG]?$")));
    defs.put(
        "fraction",
        anyOf(
            "A fraction in [0,1] or a percent (0.8, 80%).",
            Map.of("type", "number", "minimum", 0, "maximum", 1), str(null, "^" + NUM + "%$")));
    defs.put(
        "distribution",
        str(
            "const(X), exp(MEAN), lognormal(MEDIAN, SIGMA), uniform(A,B), pareto(SCALE, SHAPE), or a"
                + " bare duration = exp(X).",
            null));
    defs.put("noneOrDuration", anyOf(null, ref("duration"), constant("none")));
    defs.put("noneOrSize", anyOf(null, ref("size"), constant("none")));
    defs.put(
        "condition",
        obj(
            "A metric condition.",
            Map.of(
                "metric", str("<component>.<metric>", null),
                "above",
                    anyOf(
                        "Threshold in the metric's unit (latencies as durations).",
                        Map.of("type", "number"),
                        Map.of("type", "string")),
                "below", anyOf(null, Map.of("type", "number"), Map.of("type", "string"))),
            List.of("metric")));
    defs.put(
        "backoff",
        obj(
            "Exponential backoff.",
            Map.of(
                "base",
                ref("duration"),
                "max",
                ref("duration"),
                "jitter",
                enumOf("full", "equal", "none")),
            List.of()));
    defs.put("workloadClass", workload());
    defs.put("step", step());
    defs.put("component", component());
    defs.put("breaker", breaker());
    defs.put("fault", fault());
    defs.put("monitor", monitor());

    Map<String, Object> top = new LinkedHashMap<>();
    top.put("scenario", str("Name: [a-z0-9-]+.", "^[a-z0-9-]+$"));
    top.put("description", Map.of("type", "string"));
    top.put("horizon", ref("duration"));
    top.put("warmup", ref("duration"));
    top.put("sample", ref("duration"));
    top.put("seed", Map.of("type", "integer"));
    top.put("replications", Map.of("type", "integer", "minimum", 1));
    top.put(
        "scale",
        anyOf(
            "A fraction (1/16) or a decimal.",
            Map.of("type", "number"),
            str(null, "^[0-9]+/[0-9]+$")));
    top.put("scale_pools", enumOf("per-unit", "proportional"));
    top.put("workload", mapOf(ref("workloadClass")));
    top.put("components", mapOf(ref("component")));
    top.put("breakers", mapOf(ref("breaker")));
    top.put("faults", Map.of("type", "array", "items", ref("fault")));
    top.put("monitors", Map.of("type", "array", "items", ref("monitor")));
    top.put(
        "windows",
        mapOf(
            obj(
                null,
                Map.of("from", ref("duration"), "to", ref("duration")),
                List.of("from", "to"))));
    top.put(
        "variants",
        mapOf(
            obj(
                null,
                Map.of(
                    "description", Map.of("type", "string"),
                    "set",
                        Map.of(
                            "type",
                            "object",
                            "description",
                            "Dotted paths with [i] -> values; none removes."),
                    "add",
                        Map.of(
                            "type",
                            "object",
                            "properties",
                            Map.of("components", mapOf(ref("component"))),
                            "additionalProperties",
                            false)),
                List.of())));
    top.put("sweep", Map.of("type", "object", "additionalProperties", Map.of("type", "array")));
    top.put(
        "checks",
        Map.of(
            "type",
            "array",
            "items",
            obj(
                "A CI check.",
                Map.of(
                    "metric",
                    Map.of("type", "string"),
                    "window",
                    Map.of("type", "string"),
                    "stat",
                    enumOf("mean", "max", "min", "final", "value"),
                    "max",
                    Map.of(),
                    "min",
                    Map.of(),
                    "variant",
                    Map.of("type", "string")),
                List.of("metric"))));

    Map<String, Object> s = new LinkedHashMap<>();
    s.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    s.put("$id", "https://cascade.dev/schema/scenario.json");
    s.put("title", "Cascade scenario");
    s.put("type", "object");
    s.put("properties", top);
    s.put("required", List.of("scenario", "horizon", "workload", "components"));
    s.put("additionalProperties", false);
    s.put("$defs", defs);
    return s;
  }

  private static Map<String, Object> workload() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("entry", str("Component receiving the requests.", null));
    p.put("rate", ref("rate"));
    p.put(
        "profile",
        Map.of(
            "type",
            "array",
            "items",
            obj(
                null,
                Map.of("at", ref("duration"), "rate", ref("rate"), "ramp", ref("duration")),
                List.of("at", "rate"))));
    p.put("arrivals", enumOf("poisson", "uniform"));
    p.put(
        "keys",
        obj(
            "Key popularity.",
            Map.of("space", ref("count"), "zipf", Map.of("type", "number")),
            List.of("space")));
    p.put(
        "client",
        obj(
            null,
            Map.of(
                "timeout", ref("noneOrDuration"),
                "retries", Map.of("type", "integer", "minimum", 0),
                "backoff", ref("backoff"),
                "retry_on", Map.of("type", "array", "items", enumOf("503", "error", "timeout")),
                "budget", anyOf(null, ref("fraction"), constant("none"))),
            List.of()));
    return obj("An open-loop traffic class.", p, List.of("entry"));
  }

  private static Map<String, Object> step() {
    Map<String, Object> ca = new LinkedHashMap<>();
    ca.put("cache", Map.of("type", "string"));
    ca.put("source", Map.of("type", "string"));
    ca.put("keyspace", Map.of("type", "string"));
    ca.put("queries", Map.of("type", "integer", "minimum", 1));
    ca.put("timeout", ref("noneOrDuration"));
    ca.put("breaker", Map.of("type", "string"));
    ca.put("on_cache_error", enumOf("source", "fail"));
    ca.put("fill", enumOf("async", "sync", "none"));
    ca.put("ttl", ref("noneOrDuration"));
    ca.put("coalesce", enumOf("none", "instance", "global"));
    ca.put(
        "refresh",
        Map.of("type", "string", "description", "none | xfetch(BETA) | stale-while-revalidate(D)"));
    ca.put("source_timeout", ref("noneOrDuration"));
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("target", Map.of("type", "string"));
    call.put("timeout", ref("noneOrDuration"));
    call.put("retries", Map.of("type", "integer", "minimum", 0));
    call.put("breaker", Map.of("type", "string"));
    Map<String, Object> enq = new LinkedHashMap<>();
    enq.put("broker", Map.of("type", "string"));
    enq.put("queue", Map.of("type", "string"));
    enq.put("probability", ref("fraction"));
    enq.put("on_error", enumOf("fail", "ignore"));
    enq.put("timeout", ref("duration"));
    return Map.of(
        "oneOf",
        List.of(
            obj(null, Map.of("work", ref("distribution")), List.of("work")),
            obj(
                null,
                Map.of("cache_aside", obj(null, ca, List.of("cache", "source"))),
                List.of("cache_aside")),
            obj(null, Map.of("call", obj(null, call, List.of("target"))), List.of("call")),
            obj(
                null,
                Map.of("enqueue", obj(null, enq, List.of("broker", "queue"))),
                List.of("enqueue"))));
  }

  private static Map<String, Object> component() {
    Map<String, Object> gateway = new LinkedHashMap<>();
    gateway.put("kind", constant("gateway"));
    gateway.put("next", Map.of("type", "string"));
    gateway.put(
        "rate_limit",
        obj(null, Map.of("rate", ref("rate"), "burst", ref("count")), List.of("rate")));
    gateway.put(
        "shed",
        obj(
            "Adaptive throttling.",
            Map.of(
                "when",
                ref("condition"),
                "check_every",
                ref("duration"),
                "limit",
                ref("rate"),
                "fraction",
                ref("fraction"),
                "release_after",
                ref("duration")),
            List.of("when")));
    Map<String, Object> service = new LinkedHashMap<>();
    service.put("kind", constant("service"));
    service.put("instances", Map.of("type", "integer", "minimum", 1));
    service.put("threads", Map.of("type", "integer", "minimum", 1));
    service.put("queue", Map.of("type", "integer", "minimum", 0));
    service.put("balance", enumOf("random", "round-robin", "least-busy"));
    service.put("steps", Map.of("type", "array", "items", ref("step")));
    Map<String, Object> redis = new LinkedHashMap<>();
    redis.put("kind", constant("redis"));
    redis.put("shards", Map.of("type", "integer", "minimum", 1));
    redis.put("latency", ref("distribution"));
    redis.put("hit_ratio", ref("fraction"));
    redis.put("warm_up", ref("duration"));
    redis.put("maxmemory", ref("noneOrSize"));
    redis.put("eviction", enumOf("noeviction", "allkeys-lru", "volatile-lru", "allkeys-random"));
    redis.put("memory_limit", ref("noneOrSize"));
    redis.put("fragmentation", Map.of("type", "number", "minimum", 1));
    redis.put("value_size", ref("size"));
    redis.put("job_size", ref("size"));
    redis.put(
        "growth",
        obj(
            null,
            Map.of(
                "keys",
                ref("rate"),
                "ttl",
                ref("noneOrDuration"),
                "size",
                ref("size"),
                "initial",
                ref("count")),
            List.of("keys")));
    redis.put("persistence", enumOf("none", "rdb", "aof"));
    redis.put("rdb_every", ref("duration"));
    redis.put(
        "restart",
        obj(
            null,
            Map.of("policy", enumOf("no", "always", "on-failure"), "delay", ref("duration")),
            List.of()));
    redis.put(
        "replica",
        obj(
            null,
            Map.of("lag", ref("duration"), "detect", ref("duration"), "promote", ref("duration")),
            List.of()));
    redis.put("connect_fail", ref("duration"));
    Map<String, Object> db = new LinkedHashMap<>();
    db.put("kind", constant("database"));
    db.put("nodes", Map.of("type", "integer", "minimum", 1));
    db.put("capacity", ref("rate"));
    db.put("latency", ref("distribution"));
    db.put("workers", Map.of("type", "integer", "minimum", 1));
    db.put("max_connections", Map.of("type", "integer", "minimum", 1));
    db.put("acquire_timeout", ref("noneOrDuration"));
    db.put(
        "contention",
        obj(
            "Universal Scalability Law.",
            Map.of("sigma", Map.of("type", "number"), "kappa", Map.of("type", "number")),
            List.of()));
    db.put(
        "autoscale",
        obj(
            null,
            Map.of(
                "when",
                ref("condition"),
                "for",
                ref("duration"),
                "add",
                Map.of("type", "integer"),
                "delay",
                ref("duration"),
                "max",
                Map.of("type", "integer")),
            List.of("when")));
    db.put("cancel_on_timeout", Map.of("type", "boolean"));
    Map<String, Object> worker = new LinkedHashMap<>();
    worker.put("kind", constant("worker"));
    worker.put("broker", Map.of("type", "string"));
    worker.put("queue", Map.of("type", "string"));
    worker.put("consumers", Map.of("type", "integer", "minimum", 1));
    worker.put("job", ref("distribution"));
    worker.put("steps", Map.of("type", "array", "items", ref("step")));
    worker.put("reconnect", ref("backoff"));
    return Map.of(
        "oneOf",
        List.of(
            obj("API gateway.", gateway, List.of("kind", "next")),
            obj("App servers.", service, List.of("kind")),
            obj("Redis cache and/or broker.", redis, List.of("kind")),
            obj("Database read nodes.", db, List.of("kind")),
            obj("Background workers.", worker, List.of("kind", "broker", "queue"))));
  }

  private static Map<String, Object> breaker() {
    return obj(
        "Circuit-breaker policy.",
        Map.of(
            "trip",
                Map.of(
                    "type",
                    "object",
                    "description",
                    "{failures, within} or {failure_rate, window, min_calls, slow_call}"),
            "open_for", ref("duration"),
            "half_open_calls", Map.of("type", "integer", "minimum", 1),
            "scope", enumOf("instance", "global")),
        List.of());
  }

  private static Map<String, Object> fault() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("at", ref("duration"));
    p.put("target", Map.of("type", "string"));
    p.put("action", enumOf("crash", "hang", "slow", "kill_nodes", "spike", "flush"));
    p.put("for", ref("duration"));
    p.put("latency", str("Added latency for slow, e.g. +200ms.", null));
    p.put("count", Map.of("type", "integer", "minimum", 1));
    p.put("factor", Map.of("type", "number", "exclusiveMinimum", 0));
    p.put("mtbf", ref("distribution"));
    p.put("mttr", anyOf(null, ref("distribution"), constant("none")));
    return obj("A fault to inject.", p, List.of("target", "action"));
  }

  private static Map<String, Object> monitor() {
    Map<String, Object> window =
        obj(
            "A maintenance window: muted from `at` for `for`, repeated every `every` (none: once).",
            Map.of(
                "at", ref("duration"),
                "for", ref("duration"),
                "every", ref("noneOrDuration")),
            List.of("at", "for"));
    return obj(
        "An alert, optionally with remediation.",
        Map.of(
            "name", Map.of("type", "string"),
            "when", ref("condition"),
            "for", ref("duration"),
            "interval", ref("duration"),
            "suppress",
                Map.of(
                    "type",
                    "array",
                    "description",
                    "Maintenance windows: the alert neither fires nor remediates inside them.",
                    "items",
                    window),
            "quiet_after_restart",
                anyOf(
                    "Muted this long after a remediation attempt and after the condition clears.",
                    ref("duration")),
            "then",
                obj(
                    null,
                    Map.of(
                        "action",
                        enumOf("restart"),
                        "target",
                        Map.of("type", "string"),
                        "delay",
                        ref("duration"),
                        "success",
                        ref("fraction"),
                        "attempts",
                        Map.of("type", "integer", "minimum", 1)),
                    List.of("action", "target"))),
        List.of("name", "when"));
  }

  private static Map<String, Object> obj(
      String description, Map<String, Object> props, List<String> required) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "object");
    if (description != null) {
      m.put("description", description);
    }
    m.put("properties", props);
    if (!required.isEmpty()) {
      m.put("required", required);
    }
    m.put("additionalProperties", false);
    return m;
  }

  private static Map<String, Object> mapOf(Object valueSchema) {
    return Map.of("type", "object", "additionalProperties", valueSchema);
  }

  private static Map<String, Object> str(String description, String pattern) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "string");
    if (description != null) {
      m.put("description", description);
    }
    if (pattern != null) {
      m.put("pattern", pattern);
    }
    return m;
  }

  private static Map<String, Object> ref(String name) {
    return Map.of("$ref", "#/$defs/" + name);
  }

  private static Map<String, Object> constant(String value) {
    return Map.of("const", value);
  }

  private static Map<String, Object> enumOf(String... values) {
    return Map.of("enum", List.of(values));
  }

  private static Map<String, Object> anyOf(String description, Object... options) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (description != null) {
      m.put("description", description);
    }
    m.put("anyOf", List.of(options));
    return m;
  }
}
