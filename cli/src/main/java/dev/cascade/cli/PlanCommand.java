package dev.cascade.cli;

import dev.cascade.core.stats.ReplicationStat;
import dev.cascade.core.unit.Durations;
import dev.cascade.core.unit.UnitException;
import dev.cascade.scenario.run.CaseResult;
import dev.cascade.scenario.run.ScenarioResult;
import dev.cascade.scenario.spec.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code cascade plan}: the smallest value of a parameter that meets a goal, by bisection over
 * runs. The parameter is assumed monotone: once a value meets the goal, every larger one does.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    versionProvider = CascadeCommand.Version.class,
    description = {
      "Find the smallest value of a monotone parameter that meets a goal (bisection over runs).",
      "Example: cascade plan url-shortener-redis-down --vary db.nodes=8..64"
          + " --goal 'db.utilization_max:during:mean<=0.9' --variant breaker-only"
    })
final class PlanCommand implements Callable<Integer> {

  private static final Pattern GOAL =
      Pattern.compile(
          "\\s*([A-Za-z0-9_.\\-]+)(?::([A-Za-z0-9_\\-]+))?(?::([a-z]+))?\\s*(<=|>=)\\s*(\\S+)\\s*");

  @ParentCommand CascadeCommand root;

  @Parameters(paramLabel = "SCENARIO", description = "A scenario file or a built-in name.")
  String scenario;

  @Option(
      names = "--vary",
      required = true,
      paramLabel = "PATH=LO..HI",
      description = "The parameter and its range: integers (8..64) or durations (1s..2m).")
  String vary;

  @Option(
      names = "--goal",
      required = true,
      paramLabel = "CHECK",
      description =
          "METRIC[:WINDOW[:STAT]]<=VALUE or >=VALUE (window default all, stat default value),"
              + " evaluated on the replication mean.")
  String goal;

  @Option(
      names = "--variant",
      paramLabel = "NAME",
      description = "Variant to plan (default: first).")
  String variant;

  @Mixin ScenarioOptions options;

  /** A parsed goal. */
  record Goal(String metric, String window, String stat, boolean atMost, double bound) {
    boolean met(double v) {
      return !Double.isNaN(v) && (atMost ? v <= bound : v >= bound);
    }

    @Override
    public String toString() {
      return metric
          + " "
          + window
          + " "
          + stat
          + (atMost ? " <= " : " >= ")
          + RunSupport.number(bound);
    }
  }

  /** A parsed range. */
  record Range(String path, long lo, long hi, boolean duration, double unit) {
    String text(long v) {
      return duration ? Durations.format(v * unit) : Long.toString(v);
    }
  }

  @Override
  public Integer call() {
    Range range = range(vary);
    Goal g = goal(goal);
    root.out.printf(
        "plan %s: smallest %s in %s..%s with %s%n",
        scenario, range.path(), range.text(range.lo()), range.text(range.hi()), g);
    if (variant == null) {
      // Only the planned variant has to take the probed values.
      variant = RunSupport.load(scenario, options, List.of()).variantNames().get(0);
    }
    long lo = range.lo();
    long hi = range.hi();
    if (probe(range, lo, g)) {
      return answer(range, lo);
    }
    if (!probe(range, hi, g)) {
      root.out.printf("no value in %s..%s meets the goal%n", range.text(lo), range.text(hi));
      return ExitCodes.CHECK_FAILED;
    }
    // Invariant: lo fails, hi meets.
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (probe(range, mid, g)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return answer(range, hi);
  }

  private int answer(Range range, long v) {
    root.out.printf("answer: %s=%s%n", range.path(), range.text(v));
    return ExitCodes.OK;
  }

  private boolean probe(Range range, long v, Goal g) {
    List<String> sets = new ArrayList<>(options.sets);
    sets.add(range.path() + "=" + range.text(v));
    ScenarioOptions o = options;
    List<String> saved = o.sets;
    o.sets = sets;
    try {
      Scenario s = RunSupport.load(scenario, o, List.of(), List.of(variant));
      String name = variant;
      try (RunSupport.Interrupt interrupt = new RunSupport.Interrupt()) {
        ScenarioResult r =
            RunSupport.run(s, RunCommand.cases(s, List.of(name), false), o, root.err, interrupt);
        if (interrupt.cancellation.isCancelled()) {
          throw new Main.UserError("interrupted");
        }
        CaseResult c = r.cases().get(0);
        ReplicationStat st = c.summary().stat(g.metric(), g.window(), g.stat());
        if (st == null) {
          throw new Main.UserError(
              "goal names "
                  + g.metric()
                  + " in window "
                  + g.window()
                  + ", which the run does not produce");
        }
        boolean met = g.met(st.mean());
        root.out.printf(
            Locale.ROOT,
            "  probe %s=%-10s %s = %s%s -> %s%n",
            range.path(),
            range.text(v),
            g.metric(),
            RunSupport.number(st.mean()),
            st.n() > 1 ? " ±" + RunSupport.number(st.ci95()) : "",
            met ? "meets" : "fails");
        return met;
      }
    } finally {
      o.sets = saved;
    }
  }

  static Range range(String text) {
    int eq = text.indexOf('=');
    int dots = text.indexOf("..");
    if (eq <= 0 || dots < eq) {
      throw new Main.UserError("--vary must look like PATH=LO..HI, got " + text);
    }
    String path = text.substring(0, eq).trim();
    String lo = text.substring(eq + 1, dots).trim();
    String hi = text.substring(dots + 2).trim();
    try {
      long l = Long.parseLong(lo);
      long h = Long.parseLong(hi);
      return checked(new Range(path, l, h, false, 1));
    } catch (NumberFormatException notIntegers) {
      try {
        double l = Durations.parse(lo);
        double h = Durations.parse(hi);
        // Whole seconds, or milliseconds when the range is shorter than 10 s.
        double unit = h - l >= 10 ? 1 : 0.001;
        return checked(new Range(path, Math.round(l / unit), Math.round(h / unit), true, unit));
      } catch (UnitException e) {
        throw new Main.UserError("--vary " + text + ": bounds must be integers or durations");
      }
    }
  }

  private static Range checked(Range r) {
    if (r.lo() > r.hi()) {
      throw new Main.UserError("--vary: LO must not exceed HI");
    }
    return r;
  }

  static Goal goal(String text) {
    Matcher m = GOAL.matcher(text);
    if (!m.matches()) {
      throw new Main.UserError(
          "--goal must look like METRIC[:WINDOW[:STAT]]<=VALUE, e.g."
              + " db.utilization_max:during:mean<=0.9; got "
              + text);
    }
    String window = m.group(2) == null ? "all" : m.group(2);
    String stat = m.group(3) == null ? "value" : m.group(3);
    if (!List.of("mean", "max", "min", "final", "value").contains(stat)) {
      throw new Main.UserError("--goal: stat must be mean, max, min, final or value, got " + stat);
    }
    double bound;
    try {
      bound = Double.parseDouble(m.group(5));
    } catch (NumberFormatException e) {
      throw new Main.UserError("--goal: " + m.group(5) + " is not a number");
    }
    return new Goal(m.group(1), window, stat, m.group(4).equals("<="), bound);
  }
}
