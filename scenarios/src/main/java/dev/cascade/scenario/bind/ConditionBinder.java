package dev.cascade.scenario.bind;

import dev.cascade.model.spec.ConditionSpec;

/**
 * Binds {@code {metric: db.latency_p99, above: 100ms}} or {@code {metric: redis.up, below: 1}}:
 * exactly one of {@code above} and {@code below}, in the metric's unit ({@link Thresholds}).
 */
final class ConditionBinder {

  private ConditionBinder() {}

  static ConditionSpec bind(MapReader r, BindContext ctx) {
    String metric = r.get("metric", null, Kind.TEXT);
    ctx.metric(r, "metric", metric);
    boolean above = r.has("above");
    boolean below = r.has("below");
    if (above == below) {
      r.problem("give exactly one of above and below");
    }
    double a = above ? threshold(r, "above", metric, ctx) : Double.NaN;
    double b = below ? threshold(r, "below", metric, ctx) : Double.NaN;
    if (!above) {
      r.skip("above");
    }
    if (!below) {
      r.skip("below");
    }
    return new ConditionSpec(metric, a, b);
  }

  private static double threshold(MapReader r, String key, String metric, BindContext ctx) {
    Kind<Double> kind = new Kind<>(t -> Thresholds.parse(metric, t), 0.0);
    double v = r.get(key, null, kind);
    return Thresholds.scaled(metric) ? ctx.scale.rate(v) : v;
  }
}
