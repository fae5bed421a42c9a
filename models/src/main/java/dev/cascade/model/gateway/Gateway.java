package dev.cascade.model.gateway;

import dev.cascade.core.event.Component;
import dev.cascade.core.stats.Counter;
import dev.cascade.core.stats.Level;
import dev.cascade.core.stats.MetricRegistry;
import dev.cascade.model.ModelContext;
import dev.cascade.model.flow.Request;
import dev.cascade.model.flow.RequestSink;
import dev.cascade.model.spec.GatewaySpec;
import dev.cascade.model.spec.Outcome;
import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * An API gateway in front of a service: a token-bucket rate limit and adaptive load shedding.
 *
 * <p>Shedding watches a metric condition (for example {@code db.latency_p99 above 100ms} or {@code
 * redis.up below 1}) every {@code check_every}; the detection delay of a real gateway comes from
 * that period. While shedding it admits at most {@code limit} per second (a second token bucket) or
 * the {@code fraction} of arrivals, and answers the rest with 503 at once; it stops after the
 * condition has been false for {@code release_after}.
 */
public final class Gateway extends Component implements RequestSink {

  private static final int CHECK = 0;

  private final ModelContext ctx;
  private final GatewaySpec spec;
  private final String name;
  private final TokenBucket rateLimit;
  private final TokenBucket shedBucket;
  private final UniformRandomProvider rng;
  private RequestSink next;
  private DoubleSupplier shedSignal;

  private boolean shedding;
  private double falseSince = Double.NaN;

  private final Counter admitted;
  private final Counter shed;
  private final Counter arrivals;
  private final Level sheddingLevel;
  private double currentLimit;
  private final double unlimited;

  public Gateway(ModelContext ctx, GatewaySpec spec) {
    this.ctx = ctx;
    this.spec = spec;
    this.name = spec.name();
    this.rateLimit =
        spec.rateLimit() == null
            ? null
            : new TokenBucket(spec.rateLimit().rate(), Math.max(1, spec.rateLimit().burst()));
    GatewaySpec.ShedSpec s = spec.shed();
    this.shedBucket =
        s != null && !Double.isNaN(s.limitRate())
            ? new TokenBucket(s.limitRate(), Math.max(1, s.limitRate() * 0.1))
            : null;
    this.rng = ctx.stream(name, "shed");
    MetricRegistry m = ctx.metrics();
    admitted = m.counter();
    shed = m.counter();
    arrivals = m.counter();
    m.rate(name + ".admitted_rps", admitted);
    m.rate(name + ".shed_rps", shed);
    m.ratio(name + ".rate_503", shed, arrivals);
    sheddingLevel = m.level(name + ".shedding");
    m.gauge(name + ".up", () -> 1.0);
    // The admitted-rate ceiling of the simulated slice; NaN when nothing limits it.
    unlimited = rateLimit == null ? Double.NaN : spec.rateLimit().rate();
    currentLimit = unlimited;
    m.gauge(name + ".limit_rps", () -> currentLimit);
  }

  /** Wires the next hop and the shedding signal (a metric of another component). */
  public void connect(RequestSink nextHop, DoubleSupplier signal) {
    this.next = nextHop;
    this.shedSignal = signal;
  }

  /** Starts the periodic shedding check. */
  public void start() {
    if (spec.shed() != null) {
      ctx.sim().after(spec.shed().checkEvery(), this, CHECK);
    }
  }

  public GatewaySpec spec() {
    return spec;
  }

  /** Whether the gateway is shedding now. */
  public boolean shedding() {
    return shedding;
  }

  @Override
  public void accept(Request r) {
    arrivals.inc();
    double now = ctx.now();
    boolean admit = rateLimit == null || rateLimit.tryTake(now);
    if (admit && shedding) {
      admit =
          shedBucket != null
              ? shedBucket.tryTake(now)
              : rng.nextDouble() < spec.shed().limitFraction();
    }
    if (!admit) {
      shed.inc();
      r.respond(Outcome.REJECTED);
      return;
    }
    admitted.inc();
    next.accept(r);
  }

  @Override
  public void handle(int type, int arg, Object payload) {
    GatewaySpec.ShedSpec s = spec.shed();
    double now = ctx.now();
    boolean condition = s.when().test(shedSignal.getAsDouble());
    if (condition) {
      falseSince = Double.NaN;
      if (!shedding) {
        shedding = true;
        sheddingLevel.set(now, 1);
        currentLimit = limitNow();
        ctx.event(
            name,
            "shedding_started",
            s.when() + "; admitting " + describeLimit(s, ctx.spec().scale()));
      }
    } else if (shedding) {
      if (Double.isNaN(falseSince)) {
        falseSince = now;
      }
      if (now - falseSince >= s.releaseAfter()) {
        shedding = false;
        falseSince = Double.NaN;
        sheddingLevel.set(now, 0);
        currentLimit = unlimited;
        ctx.event(name, "shedding_stopped", "condition false for " + s.releaseAfter() + " s");
      }
    }
    ctx.sim().after(s.checkEvery(), this, CHECK);
  }

  private double limitNow() {
    GatewaySpec.ShedSpec s = spec.shed();
    double shedLimit = s.limitRate();
    return Double.isNaN(unlimited) ? shedLimit : Math.min(unlimited, shedLimit);
  }

  /** The admitted rate in full-system terms (the spec holds the slice's). */
  private static String describeLimit(GatewaySpec.ShedSpec s, double scale) {
    if (!Double.isNaN(s.limitRate())) {
      return dev.cascade.core.unit.Rates.format(s.limitRate() / scale);
    }
    return String.format(java.util.Locale.ROOT, "%.0f%% of arrivals", s.limitFraction() * 100);
  }
}
