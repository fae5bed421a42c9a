package dev.cascade.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every simulating command shares (CLI.md "Common options"). */
public final class ScenarioOptions {

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Output folder (default: out/<scenario>/).")
  Path out;

  @Option(names = "--seed", paramLabel = "N", description = "Base seed (overrides the file).")
  Long seed;

  @Option(
      names = "--replications",
      paramLabel = "N",
      description = "Independent runs per variant (overrides the file).")
  Integer replications;

  @Option(names = "--horizon", paramLabel = "D", description = "Simulated time, e.g. 30m.")
  String horizon;

  @Option(names = "--scale", paramLabel = "F", description = "Simulated slice, e.g. 1/16.")
  String scale;

  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description = "Override a field (repeatable; same paths as variants).")
  List<String> sets = new ArrayList<>();

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description =
          "Parallel runs (default: all cores): N threads, which take turns on up to 2N runs so"
              + " that runs of unequal length finish together. Results do not depend on it.")
  Integer jobs;

  @Option(
      names = "--format",
      paramLabel = "png|svg|both",
      description = "Chart format (default: png).")
  String format = "png";

  @Option(names = "--no-charts", description = "Skip charts and the HTML report.")
  boolean noCharts;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Option(names = "--json", description = "Print summary.json to stdout.")
  boolean json;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  @Option(
      names = "--force",
      description =
          "Run even when the estimate says it would take over 10 minutes or not fit in the heap.")
  boolean force;

  /**
   * The --set overrides, with --seed/--replications/--horizon/--scale turned into top-level sets.
   */
  List<String> allSets() {
    return topLevelSets(seed, replications, horizon, scale, sets);
  }

  /**
   * The sets a run applies: {@code --seed}, {@code --replications}, {@code --horizon} and {@code
   * --scale} (each when given) as top-level paths, then the {@code --set} overrides. Shared by
   * every front end (the CLI, the Spark runner) so they read options the same way.
   */
  public static List<String> topLevelSets(
      Long seed, Integer replications, String horizon, String scale, List<String> sets) {
    List<String> all = new ArrayList<>();
    if (seed != null) {
      all.add("seed=" + seed);
    }
    if (replications != null) {
      if (replications < 1) {
        throw new Main.UserError("--replications must be at least 1, got " + replications);
      }
      all.add("replications=" + replications);
    }
    if (horizon != null) {
      all.add("horizon=" + horizon);
    }
    if (scale != null) {
      all.add("scale=" + scale);
    }
    all.addAll(sets);
    return all;
  }

  int jobs() {
    if (jobs == null) {
      return Runtime.getRuntime().availableProcessors();
    }
    if (jobs < 1) {
      throw new Main.UserError("--jobs must be at least 1, got " + jobs);
    }
    return jobs;
  }

  String format() {
    return switch (format) {
      case "png", "svg", "both" -> format;
      default -> throw new Main.UserError("--format must be png, svg or both, got " + format);
    };
  }
}
