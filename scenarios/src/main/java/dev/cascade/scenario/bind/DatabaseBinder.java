package dev.cascade.scenario.bind;

import dev.cascade.core.random.DistributionSpec;
import dev.cascade.model.spec.ComponentSpec;
import dev.cascade.model.spec.DatabaseSpec;
import dev.cascade.model.spec.DatabaseSpec.AutoscaleSpec;
import dev.cascade.model.spec.DatabaseSpec.ContentionSpec;

/**
 * Binds {@code kind: database}: nodes, per-node capacity or workers, latency, connections,
 * contention (Universal Scalability Law) and autoscaling. {@code capacity} and {@code workers} are
 * alternatives; with neither, a node has the default number of workers ({@link Defaults}). With
 * proportional pools a node's capacity (or workers) and connections are its share's, and autoscale
 * counts are in nodes of that size ({@link Scale.Units}).
 */
final class DatabaseBinder {

  private DatabaseBinder() {}

  static ComponentSpec bind(String name, MapReader r, BindContext ctx) {
    int nodesWritten = r.integer("nodes", Defaults.NODES, 1);
    Scale.Units units = ctx.units(name, nodesWritten);
    int nodes = units.simulated();
    double capacity = Double.NaN;
    int workers = 0;
    if (r.has("capacity")) {
      if (r.has("workers")) {
        r.problem("workers", "give capacity or workers, not both");
      }
      r.skip("workers");
      capacity = r.get("capacity", null, Kind.RATE);
      if (!(capacity > 0)) {
        r.invalid("capacity", "a rate > 0");
      }
      capacity = units.rate(capacity);
    } else {
      r.skip("capacity");
      workers = units.pool(r.integer("workers", Defaults.DB_WORKERS, 1));
    }
    DistributionSpec latency = r.get("latency", Defaults.DB_LATENCY, Kind.DISTRIBUTION);
    int maxConnections = units.pool(r.integer("max_connections", Defaults.MAX_CONNECTIONS, 1));
    double acquireTimeout = r.get("acquire_timeout", Defaults.ACQUIRE_TIMEOUT, Kind.DURATION);
    ContentionSpec contention = null;
    MapReader c = r.section("contention");
    if (c != null) {
      contention =
          new ContentionSpec(
              nonNegative(c, "sigma", Defaults.CONTENTION_SIGMA),
              nonNegative(c, "kappa", Defaults.CONTENTION_KAPPA));
    }
    AutoscaleSpec autoscale = null;
    MapReader a = r.section("autoscale");
    if (a != null) {
      autoscale = autoscale(a, name, nodesWritten, ctx);
    }
    boolean cancel = r.get("cancel_on_timeout", Defaults.CANCEL_ON_TIMEOUT, Kind.BOOLEAN);
    return new DatabaseSpec(
        name,
        nodes,
        capacity,
        latency,
        workers,
        maxConnections,
        acquireTimeout,
        contention,
        autoscale,
        cancel);
  }

  private static AutoscaleSpec autoscale(MapReader a, String db, int nodes, BindContext ctx) {
    var when = ConditionBinder.bind(a.sectionOrEmpty("when"), ctx);
    double forSeconds = a.get("for", Defaults.AUTOSCALE_FOR, Kind.DURATION);
    int add = a.integer("add", Defaults.AUTOSCALE_ADD, 1);
    double delay = a.get("delay", Defaults.AUTOSCALE_DELAY, Kind.DURATION);
    String maxDefault = Integer.toString(nodes * Defaults.AUTOSCALE_MAX_FACTOR);
    int max = a.integer("max", maxDefault, 1);
    if (max < nodes) {
      a.invalid("max", "at least nodes (" + nodes + ")");
    }
    return new AutoscaleSpec(when, forSeconds, ctx.count(db, add), delay, ctx.count(db, max));
  }

  private static double nonNegative(MapReader r, String key, String def) {
    double v = r.get(key, def, Kind.NUMBER);
    if (v < 0) {
      r.invalid(key, "a number >= 0");
    }
    return v;
  }
}
