package dev.cascade.bench;

import dev.cascade.core.result.RunResult;
import dev.cascade.scenario.bind.LoadOptions;
import dev.cascade.scenario.bind.ScenarioLoader;
import dev.cascade.scenario.run.CaseResult;
import dev.cascade.scenario.run.RunOptions;
import dev.cascade.scenario.run.ScenarioResult;
import dev.cascade.scenario.run.ScenarioRunner;
import dev.cascade.scenario.spec.Case;
import dev.cascade.scenario.spec.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The whole request path, timed on a scenario (a built-in name or a file): loads it once, then runs
 * one variant on one thread {@code --repeat} times after a warm-up run and prints wall seconds,
 * events and events per second for each, and last the median run. No output folder is written, so
 * the figure is the simulation alone.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.cascade.bench.RequestPath \
 *     [--scenario url-shortener-redis-down] [--variant breaker-and-throttle] [--horizon 8m]
 *     [--set PATH=VALUE]... [--repeat 3] [--warmup 1]
 * </pre>
 *
 * The last line is {@code median wall_s=<s> events=<n> events_per_s=<n>}.
 */
public final class RequestPath {

  private RequestPath() {}

  public static void main(String[] args) {
    String scenario = "url-shortener-redis-down";
    String variant = "breaker-and-throttle";
    List<String> sets = new ArrayList<>();
    int repeat = 3;
    int warmup = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--scenario" -> scenario = args[++i];
        case "--variant" -> variant = args[++i];
        case "--horizon" -> sets.add("horizon=" + args[++i]);
        case "--set" -> sets.add(args[++i]);
        case "--repeat" -> repeat = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        default -> {
          System.err.println("unknown argument " + args[i]);
          System.exit(2);
        }
      }
    }
    sets.add("replications=1");
    Scenario s =
        ScenarioLoader.loadArgument(scenario, new LoadOptions(sets, List.of(), List.of(variant)));
    List<Case> cases = s.cases(List.of(variant), false);
    for (int i = 0; i < warmup; i++) {
      runOnce(s, cases);
    }
    double[] walls = new double[repeat];
    long events = 0;
    for (int i = 0; i < repeat; i++) {
      long start = System.nanoTime();
      events = runOnce(s, cases);
      walls[i] = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "run %d wall_s=%.2f events=%d events_per_s=%.0f%n",
          i + 1,
          walls[i],
          events,
          events / walls[i]);
    }
    Arrays.sort(walls);
    double median = walls[repeat / 2];
    System.out.printf(
        Locale.ROOT,
        "median wall_s=%.2f events=%d events_per_s=%.0f%n",
        median,
        events,
        events / median);
  }

  private static long runOnce(Scenario s, List<Case> cases) {
    ScenarioResult r = ScenarioRunner.run(s, cases, RunOptions.jobs(1));
    long events = 0;
    for (CaseResult c : r.cases()) {
      for (RunResult run : c.runs()) {
        events += run.eventsProcessed();
      }
    }
    return events;
  }
}
