package dev.cascade.cli;

import dev.cascade.core.result.RunResult;
import dev.cascade.scenario.output.RunResultJson;
import dev.cascade.scenario.run.RunOptions;
import dev.cascade.scenario.run.ScenarioRunner;
import dev.cascade.scenario.spec.Case;
import dev.cascade.scenario.spec.Scenario;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One shard of a sweep: which runs it owns and running them. The canonical order of a sweep's runs
 * is case by case (in {@link Scenario#cases} order), replication by replication within a case: run
 * {@code k} is replication {@code k % R} of case {@code k / R}. Shard {@code I} of {@code N} owns
 * the runs with {@code k % N == I}, so every run is whole in exactly one shard, shards get equal
 * shares (within one run), and the assignment depends only on the scenario and {@code N}. Each run
 * is the same single-threaded {@code ModelRunner} run with the same seed and replication index that
 * {@code ScenarioRunner} does, so its result is bit-identical to the unsharded sweep's.
 */
final class ShardRun {

  /** Environment variables that carry the shard index, in order of precedence. */
  static final List<String> INDEX_VARIABLES =
      List.of("JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID");

  private ShardRun() {}

  /**
   * The shard index: {@code option} when given, else the first of {@link #INDEX_VARIABLES} that is
   * set in {@code env}.
   *
   * @throws Main.UserError when there is none, it is not a number or not in {@code [0, count)}
   */
  static int index(Integer option, int count, Function<String, String> env) {
    if (count < 1) {
      throw new Main.UserError("--shard-count must be at least 1, got " + count);
    }
    int index;
    String from;
    if (option != null) {
      index = option;
      from = "--shard-index";
    } else {
      String value = null;
      from = null;
      for (String name : INDEX_VARIABLES) {
        String v = env.apply(name);
        if (v != null && !v.isBlank()) {
          value = v.strip();
          from = name;
          break;
        }
      }
      if (value == null) {
        throw new Main.UserError(
            "--shard-count needs a shard index: pass --shard-index I or set "
                + String.join(" or ", INDEX_VARIABLES));
      }
      try {
        index = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new Main.UserError(from + " is not a shard index: \"" + value + "\"");
      }
    }
    if (index < 0 || index >= count) {
      throw new Main.UserError(
          from
              + " is "
              + index
              + ", outside 0.."
              + (count - 1)
              + " for --shard-count "
              + count
              + (from.startsWith("SLURM") ? " (use --array=0-" + (count - 1) + ")" : ""));
    }
    return index;
  }

  /** Indices (canonical order) of the runs shard {@code index} of {@code count} owns. */
  static List<Integer> assigned(int totalRuns, int index, int count) {
    List<Integer> out = new ArrayList<>();
    for (int k = index; k < totalRuns; k += count) {
      out.add(k);
    }
    return out;
  }

  /**
   * The scenario and cases for estimating a shard's cost ({@link RunBudget}): only the cases it has
   * runs of, with as many replications as the case it has most runs of (an upper bound).
   */
  static Scenario budgetScenario(Scenario s, List<Case> cases, List<Integer> runs, List<Case> out) {
    int reps = s.replications();
    int[] perCase = new int[cases.size()];
    Set<Integer> touched = new LinkedHashSet<>();
    for (int k : runs) {
      perCase[k / reps]++;
      touched.add(k / reps);
    }
    int most = 1;
    for (int c : touched) {
      out.add(cases.get(c));
      most = Math.max(most, perCase[c]);
    }
    return new Scenario(
        s.name(),
        s.description(),
        s.source(),
        s.seed(),
        most,
        s.base(),
        s.variants(),
        s.sweep(),
        s.checks(),
        s.windows(),
        s.resolvedYaml());
  }

  /**
   * Runs {@code runs} of {@code cases} on {@code jobs} threads, which take turns on up to {@code
   * resident} runs (see {@link ScenarioRunner#runTasks}). After a cancellation, returns the runs
   * that finished.
   *
   * @throws IllegalStateException wrapping the first failure of a run (a bug in a model)
   */
  static List<RunResultJson.Run> run(
      Scenario s,
      List<Case> cases,
      List<Integer> runs,
      int jobs,
      int resident,
      PrintStream err,
      boolean quiet,
      RunSupport.Interrupt interrupt) {
    int reps = s.replications();
    int[] tasks = runs.stream().mapToInt(Integer::intValue).toArray();
    if (tasks.length == 0) {
      return List.of();
    }
    RunResult[] results;
    try (ProgressBar bar = new ProgressBar(err, ProgressBar.wanted(quiet))) {
      RunOptions options =
          RunOptions.jobs(Math.max(1, jobs))
              .withResident(resident)
              .withCancellation(interrupt.cancellation)
              .withProgress(bar.listener(tasks.length));
      results = ScenarioRunner.runTasks(s, cases, tasks, options);
    }
    List<RunResultJson.Run> out = new ArrayList<>();
    for (int i = 0; i < tasks.length; i++) {
      if (results[i] != null) {
        int k = tasks[i];
        Case c = cases.get(k / reps);
        out.add(new RunResultJson.Run(k, c.label(), c.variant(), c.point(), k % reps, results[i]));
      }
    }
    return out;
  }
}
