package dev.cascade.cli;

import dev.cascade.scenario.output.CascadeVersion;
import dev.cascade.scenario.output.PartialResult;
import dev.cascade.scenario.output.RunResultJson;
import dev.cascade.scenario.run.ScenarioResult;
import dev.cascade.scenario.spec.Case;
import dev.cascade.scenario.spec.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code cascade sweep}: run the sweep grid; write sweep.csv and metric-vs-parameter charts. With
 * {@code --shard-count N}, run only shard {@code I}'s share of the runs and write a partial result
 * for {@code cascade merge} ({@link ShardRun}, {@link PartialResult}).
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    versionProvider = CascadeCommand.Version.class,
    description =
        "Run the scenario's sweep grid (or --param PATH=V1,V2,...); writes sweep.csv and"
            + " metric-vs-parameter charts.")
final class SweepCommand implements Callable<Integer> {

  @ParentCommand CascadeCommand root;

  @Parameters(paramLabel = "SCENARIO", description = "A scenario file or a built-in name.")
  String scenario;

  @Option(
      names = "--param",
      paramLabel = "PATH=V1,V2,...",
      description = "A swept parameter (repeatable); replaces the scenario's sweep.")
  List<String> params = new ArrayList<>();

  @Option(names = "--variant", paramLabel = "NAME", description = "Sweep only this variant.")
  List<String> variants = new ArrayList<>();

  @Option(
      names = "--shard-count",
      paramLabel = "N",
      description =
          "Split the sweep's runs (points x replications) into N shards and run only one;"
              + " writes a partial result for `cascade merge` into <out>/shard-I-of-N/"
              + " (default out: out/<scenario>-shards/).")
  Integer shardCount;

  @Option(
      names = "--shard-index",
      paramLabel = "I",
      description =
          "Which shard to run, 0..N-1 (default: $JOB_COMPLETION_INDEX, then"
              + " $SLURM_ARRAY_TASK_ID). Run k of the sweep goes to shard k mod N.")
  Integer shardIndex;

  @Mixin ScenarioOptions options;

  @Override
  public Integer call() {
    Scenario s = RunSupport.load(scenario, options, params, variants);
    if (s.sweep().isEmpty()) {
      throw new Main.UserError(
          s.name() + " has no sweep: add a `sweep:` section or pass --param PATH=V1,V2,...");
    }
    if (shardCount != null) {
      return shard(s);
    }
    if (shardIndex != null) {
      throw new Main.UserError("--shard-index needs --shard-count");
    }
    try (RunSupport.Interrupt interrupt = new RunSupport.Interrupt()) {
      ScenarioResult result =
          RunSupport.run(s, RunCommand.cases(s, variants, true), options, root.err, interrupt);
      Path dir =
          RunSupport.write(
              result, options, SweepFiles.of(result, options.noCharts, options.format()));
      root.out.printf(
          "%s: %d sweep point(s) x %d replication(s), %.1f s wall; sweep.csv in %s%n",
          s.name(), result.cases().size(), s.replications(), result.wallSeconds(), dir);
      boolean passed = RunSupport.printChecks(result, root.out);
      return RunSupport.exitCode(result, passed, interrupt);
    }
  }

  /** Runs this shard's share and writes the partial result. */
  private int shard(Scenario s) {
    int count = shardCount;
    int index = ShardRun.index(shardIndex, count, System::getenv);
    List<Case> cases = RunCommand.cases(s, variants, true);
    List<Integer> runs = ShardRun.assigned(cases.size() * s.replications(), index, count);
    List<Case> budgetCases = new ArrayList<>();
    Scenario budget = ShardRun.budgetScenario(s, cases, runs, budgetCases);
    RunBudget.Estimate plan =
        budgetCases.isEmpty() ? null : RunBudget.checked(budget, budgetCases, options, root.err);
    int jobs = plan == null ? 1 : plan.jobs();
    int resident = plan == null ? 1 : plan.resident();
    Path dir =
        (options.out != null ? options.out : Path.of("out", s.name() + "-shards"))
            .resolve("shard-" + index + "-of-" + count);
    try (RunSupport.Interrupt interrupt = new RunSupport.Interrupt()) {
      long start = System.nanoTime();
      List<RunResultJson.Run> done =
          ShardRun.run(s, cases, runs, jobs, resident, root.err, options.quiet, interrupt);
      double wall = (System.nanoTime() - start) / 1e9;
      PartialResult.Manifest manifest =
          new PartialResult.Manifest(
              CascadeVersion.current(),
              s.name(),
              s.sweep(),
              variants.isEmpty() ? s.variantNames() : variants,
              cases.stream().map(Case::label).toList(),
              s.replications(),
              index,
              count,
              done.stream().map(RunResultJson.Run::index).toList(),
              wall);
      try {
        PartialResult.write(dir, manifest, s.resolvedYaml(), done);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
      }
      root.out.printf(
          "%s: shard index %d of %d shard(s): %d of %d run(s) (%d sweep point(s) x %d"
              + " replication(s)), %.1f s wall; partial result in %s%n",
          s.name(),
          index,
          count,
          done.size(),
          manifest.totalRuns(),
          cases.size(),
          s.replications(),
          wall,
          dir);
      if (interrupt.cancellation.isCancelled()) {
        root.err.printf(
            "cascade: interrupted: %d of this shard's %d run(s) written; rerun the shard before"
                + " merging%n",
            done.size(), runs.size());
        return ExitCodes.INTERRUPTED;
      }
      return ExitCodes.OK;
    }
  }
}
