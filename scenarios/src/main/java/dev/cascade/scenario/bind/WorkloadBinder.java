package dev.cascade.scenario.bind;

import dev.cascade.model.spec.BackoffSpec;
import dev.cascade.model.spec.ClientSpec;
import dev.cascade.model.spec.ComponentKind;
import dev.cascade.model.spec.Outcome;
import dev.cascade.model.spec.WorkloadSpec;
import dev.cascade.model.spec.WorkloadSpec.Arrivals;
import dev.cascade.model.spec.WorkloadSpec.KeysSpec;
import dev.cascade.model.spec.WorkloadSpec.ProfilePoint;
import dev.cascade.scenario.bind.Node.Scalar;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Binds a workload class: entry, rate or profile, arrivals, key popularity and the client. */
final class WorkloadBinder {

  private static final List<String> OUTCOME_IDS = List.of("503", "error", "timeout");
  private static final List<Outcome> OUTCOMES =
      List.of(Outcome.REJECTED, Outcome.ERROR, Outcome.TIMEOUT);

  private WorkloadBinder() {}

  static WorkloadSpec bind(String name, MapReader r, BindContext ctx) {
    String entry = r.get("entry", null, Kind.TEXT);
    ctx.component(r, "entry", entry, ComponentKind.GATEWAY, ComponentKind.SERVICE);
    double rate = 0;
    List<ProfilePoint> profile = new ArrayList<>();
    if (r.has("profile")) {
      if (r.has("rate")) {
        r.problem("rate", "give rate or profile, not both");
      }
      r.skip("rate");
      profile = profile(r, ctx);
    } else {
      rate = ctx.scale.rate(r.get("rate", null, Kind.RATE));
      r.skip("profile");
    }
    Arrivals arrivals =
        r.choice("arrivals", Defaults.ARRIVALS, Arrivals.values(), "poisson", "uniform");
    KeysSpec keys = null;
    MapReader k = r.section("keys");
    if (k != null) {
      long space = k.get("space", null, Kind.COUNT);
      if (space < 1) {
        k.invalid("space", "at least 1 key");
      }
      double zipf = k.get("zipf", Defaults.KEYS_ZIPF, Kind.NUMBER);
      if (zipf < 0) {
        k.invalid("zipf", "an exponent >= 0");
      }
      keys = new KeysSpec(space, zipf);
    }
    ClientSpec client = client(r.sectionOrEmpty("client"));
    return new WorkloadSpec(name, entry, rate, profile, arrivals, keys, client);
  }

  private static List<ProfilePoint> profile(MapReader r, BindContext ctx) {
    List<ProfilePoint> points = new ArrayList<>();
    double previous = -1;
    for (MapReader p : r.maps("profile")) {
      double at = p.get("at", null, Kind.DURATION);
      if (at <= previous) {
        p.invalid("at", "a time after the previous point's");
      }
      previous = at;
      double rate = ctx.scale.rate(p.get("rate", null, Kind.RATE));
      double ramp = p.get("ramp", Defaults.RAMP, Kind.DURATION);
      points.add(new ProfilePoint(at, rate, ramp));
    }
    return points;
  }

  private static ClientSpec client(MapReader c) {
    double timeout =
        c.getOrNone("timeout", Defaults.CLIENT_TIMEOUT, Kind.DURATION, Double.POSITIVE_INFINITY);
    if (timeout <= 0) {
      c.invalid("timeout", "a duration > 0, or none");
    }
    int retries = c.integer("retries", Defaults.CLIENT_RETRIES, 0);
    MapReader b = c.sectionOrEmpty("backoff");
    double base = b.get("base", Defaults.BACKOFF_BASE, Kind.DURATION);
    double max = b.get("max", Defaults.BACKOFF_MAX, Kind.DURATION);
    if (max < base) {
      b.invalid("max", "at least base");
    }
    BackoffSpec.Jitter jitter =
        b.choice(
            "jitter",
            Defaults.BACKOFF_JITTER,
            BackoffSpec.Jitter.values(),
            "full",
            "equal",
            "none");
    Set<Outcome> retryOn = EnumSet.noneOf(Outcome.class);
    for (Scalar s : c.scalars("retry_on", Defaults.RETRY_ON)) {
      int i = OUTCOME_IDS.indexOf(s.text());
      if (i < 0) {
        c.problems()
            .add(
                s.pos(),
                c.path("retry_on"),
                '"' + s.text() + "\" is not an outcome " + Suggest.hint(s.text(), OUTCOME_IDS));
      } else {
        retryOn.add(OUTCOMES.get(i));
      }
    }
    double budget = c.getOrNone("budget", Defaults.RETRY_BUDGET, Kind.FRACTION, Double.NaN);
    return new ClientSpec(timeout, retries, new BackoffSpec(base, max, jitter), retryOn, budget);
  }
}
