package dev.cascade.scenario.bind;

import dev.cascade.core.unit.Counts;
import dev.cascade.model.spec.ComponentKind;
import dev.cascade.model.spec.ComponentSpec;
import dev.cascade.model.spec.ConditionSpec;
import dev.cascade.model.spec.GatewaySpec;
import dev.cascade.model.spec.GatewaySpec.RateLimitSpec;
import dev.cascade.model.spec.GatewaySpec.ShedSpec;

/** Binds {@code kind: gateway}: next, a token-bucket rate limit and adaptive shedding. */
final class GatewayBinder {

  private GatewayBinder() {}

  static ComponentSpec bind(String name, MapReader r, BindContext ctx) {
    String next = r.get("next", null, Kind.TEXT);
    ctx.call(r, "next", name, next, ComponentKind.GATEWAY, ComponentKind.SERVICE);
    RateLimitSpec rateLimit = null;
    MapReader rl = r.section("rate_limit");
    if (rl != null) {
      double rate = rl.get("rate", null, Kind.RATE);
      String burstDefault = Counts.format(Math.max(1, Math.round(rate * Defaults.BURST_SECONDS)));
      long burst = rl.get("burst", burstDefault, Kind.COUNT);
      if (burst < 1) {
        rl.invalid("burst", "at least 1 token");
      }
      rateLimit = new RateLimitSpec(ctx.scale.rate(rate), Math.max(1, ctx.scale.rate(burst)));
    }
    ShedSpec shed = null;
    MapReader s = r.section("shed");
    if (s != null) {
      shed = shed(s, ctx);
    }
    return new GatewaySpec(name, next, rateLimit, shed);
  }

  private static ShedSpec shed(MapReader s, BindContext ctx) {
    ConditionSpec when = ConditionBinder.bind(s.sectionOrEmpty("when"), ctx);
    double checkEvery = s.get("check_every", Defaults.SHED_CHECK_EVERY, Kind.DURATION);
    if (checkEvery <= 0) {
      s.invalid("check_every", "a duration > 0");
    }
    double limit = Double.NaN;
    double fraction = Double.NaN;
    if (s.has("limit")) {
      if (s.has("fraction")) {
        s.problem("fraction", "give limit or fraction, not both");
      }
      s.skip("fraction");
      limit = ctx.scale.rate(s.get("limit", null, Kind.RATE));
    } else {
      s.skip("limit");
      fraction = s.get("fraction", Defaults.SHED_FRACTION, Kind.FRACTION);
    }
    double release = s.get("release_after", Defaults.SHED_RELEASE_AFTER, Kind.DURATION);
    return new ShedSpec(when, checkEvery, limit, fraction, release);
  }
}
