package dev.cascade.cli;

import dev.cascade.core.result.RunResult;
import dev.cascade.core.result.Summary;
import dev.cascade.scenario.bind.LoadOptions;
import dev.cascade.scenario.bind.ScenarioLoader;
import dev.cascade.scenario.output.OutputFolder;
import dev.cascade.scenario.output.PartialResult;
import dev.cascade.scenario.output.ResultFiles;
import dev.cascade.scenario.output.RunResultJson;
import dev.cascade.scenario.run.CaseResult;
import dev.cascade.scenario.run.CheckEvaluator;
import dev.cascade.scenario.run.CheckResult;
import dev.cascade.scenario.run.ScenarioResult;
import dev.cascade.scenario.spec.Case;
import dev.cascade.scenario.spec.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code cascade merge}: combines the partial results of a sharded sweep into the output folder a
 * single-machine sweep writes. Every partial must come from the same resolved scenario and sweep,
 * and together they must hold every run exactly once. The runs are whole and lossless, so the
 * per-case replications rebuilt in replication order give the same {@link Summary} (percentiles of
 * each run's own histograms, replication means and confidence intervals), checks and files as the
 * unsharded sweep; only {@code wall_s} differs (here: the slowest shard's wall time).
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    versionProvider = CascadeCommand.Version.class,
    description =
        "Combine the partial results of `cascade sweep --shard-count N` into the summary.json,"
            + " timeseries.csv, timeline.md, sweep.csv and charts a single-machine sweep writes."
            + " A DIR is a partial result or a folder of them.")
final class MergeCommand implements Callable<Integer> {

  @ParentCommand CascadeCommand root;

  @Parameters(
      arity = "1..*",
      paramLabel = "DIR",
      description = "Partial results (or folders of them).")
  List<Path> dirs = new ArrayList<>();

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Output folder (default: out/<scenario>/).")
  Path out;

  @Option(
      names = "--format",
      paramLabel = "png|svg|both",
      description = "Chart format (default: png).")
  String format = "png";

  @Option(names = "--no-charts", description = "Skip charts and the HTML report.")
  boolean noCharts;

  @Option(names = "--json", description = "Print summary.json to stdout.")
  boolean json;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  @Override
  public Integer call() {
    String chartFormat =
        switch (format) {
          case "png", "svg", "both" -> format;
          default -> throw new Main.UserError("--format must be png, svg or both, got " + format);
        };
    List<Partial> partials = partials(dirs);
    ScenarioResult result = merge(partials);
    Path dir = out != null ? out : Path.of("out", result.scenario().name());
    List<OutputFolder.Contents> contents = new ArrayList<>();
    contents.add(SweepFiles.of(result, noCharts, chartFormat));
    if (!noCharts) {
      contents.add(Reports.charts(result, chartFormat));
    }
    try {
      ResultFiles.write(result, dir, contents.toArray(new OutputFolder.Contents[0]));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
    }
    if (json) {
      RunSupport.printJson(result, root.out);
      return result.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
    root.out.printf(
        "%s: merged %d run(s) (%d sweep point(s) x %d replication(s)) from %d partial(s);"
            + " sweep.csv in %s%n",
        result.scenario().name(),
        result.cases().size() * result.scenario().replications(),
        result.cases().size(),
        result.scenario().replications(),
        partials.size(),
        dir);
    boolean passed = RunSupport.printChecks(result, root.out);
    return passed ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
  }

  /** A partial result folder and its manifest. */
  record Partial(Path dir, PartialResult.Manifest manifest, String resolvedYaml) {}

  /** The partials named by {@code args}: each a partial, or a folder whose subfolders are. */
  static List<Partial> partials(List<Path> args) {
    List<Path> found = new ArrayList<>();
    for (Path a : args) {
      if (PartialResult.isPartial(a)) {
        found.add(a);
        continue;
      }
      if (!Files.isDirectory(a)) {
        throw new Main.UserError(a + ": no such folder");
      }
      List<Path> inside = new ArrayList<>();
      try (DirectoryStream<Path> children = Files.newDirectoryStream(a)) {
        for (Path c : children) {
          if (Files.isDirectory(c) && PartialResult.isPartial(c)) {
            inside.add(c);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + a + ": " + e.getMessage(), e);
      }
      if (inside.isEmpty()) {
        throw new Main.UserError(
            a + " is not a partial result (no " + PartialResult.MANIFEST + ") and holds none");
      }
      inside.sort(null);
      found.addAll(inside);
    }
    List<Partial> out = new ArrayList<>();
    for (Path p : found) {
      try {
        out.add(new Partial(p, PartialResult.readManifest(p), PartialResult.readResolved(p)));
      } catch (IOException e) {
        throw new Main.UserError(e.getMessage());
      }
    }
    return out;
  }

  /**
   * Checks that {@code partials} are one sweep and hold every run exactly once, then rebuilds it.
   *
   * @throws Main.UserError saying what does not fit
   */
  static ScenarioResult merge(List<Partial> partials) {
    Partial first = partials.get(0);
    PartialResult.Manifest m = first.manifest();
    for (Partial p : partials.subList(1, partials.size())) {
      String differs = difference(first, p);
      if (differs != null) {
        throw new Main.UserError(
            first.dir() + " and " + p.dir() + " are not shards of the same sweep: " + differs);
      }
    }
    int total = m.totalRuns();
    int reps = m.replications();
    Map<Integer, Partial> owner = new TreeMap<>();
    for (Partial p : partials) {
      for (int k : p.manifest().runs()) {
        if (k < 0 || k >= total) {
          throw new Main.UserError(
              p.dir() + " lists run " + k + ", outside the sweep's " + total + " run(s)");
        }
        Partial before = owner.putIfAbsent(k, p);
        if (before != null) {
          throw new Main.UserError(
              "run "
                  + k
                  + " ("
                  + describe(m, k)
                  + ") is in both "
                  + before.dir()
                  + " and "
                  + p.dir()
                  + "; pass each shard once");
        }
      }
    }
    if (owner.size() < total) {
      List<String> missing = new ArrayList<>();
      for (int k = 0; k < total && missing.size() < 5; k++) {
        if (!owner.containsKey(k)) {
          missing.add("run " + k + " (" + describe(m, k) + ", shard " + k % m.shardCount() + ")");
        }
      }
      throw new Main.UserError(
          "the partials hold "
              + owner.size()
              + " of the sweep's "
              + total
              + " run(s) ("
              + m.shardCount()
              + " shard(s)); missing "
              + String.join(", ", missing)
              + (total - owner.size() > missing.size() ? ", ..." : ""));
    }
    Scenario s = scenario(first);
    List<Case> cases = s.cases(m.variants(), true);
    List<String> labels = cases.stream().map(Case::label).toList();
    if (!labels.equals(m.cases()) || s.replications() != reps) {
      throw new Main.UserError(
          first.dir()
              + ": the cases of its scenario.resolved.yaml do not match its "
              + PartialResult.MANIFEST
              + " (written by another Cascade version?)");
    }
    List<CaseResult> results = new ArrayList<>();
    for (int c = 0; c < cases.size(); c++) {
      Case kase = cases.get(c);
      List<RunResult> runs = new ArrayList<>();
      for (int r = 0; r < reps; r++) {
        int k = c * reps + r;
        Partial p = owner.get(k);
        RunResultJson.Run run;
        try {
          run = PartialResult.readRun(p.dir(), k);
        } catch (IOException e) {
          throw new Main.UserError(e.getMessage());
        }
        if (run.index() != k
            || run.replication() != r
            || !run.label().equals(kase.label())
            || !run.variant().equals(kase.variant())
            || !run.point().equals(kase.point())) {
          throw new Main.UserError(
              p.dir().resolve(PartialResult.runFile(k))
                  + " holds run "
                  + run.index()
                  + " ("
                  + run.label()
                  + ", replication "
                  + (run.replication() + 1)
                  + "), expected run "
                  + k
                  + " ("
                  + describe(m, k)
                  + ")");
        }
        runs.add(run.result());
      }
      Summary summary = Summary.of(runs);
      List<CheckResult> checks =
          CheckEvaluator.evaluate(s.checksFor(kase.variant()), summary, kase.model().scale());
      results.add(new CaseResult(kase, reps, runs, summary, checks));
    }
    double wall = partials.stream().mapToDouble(p -> p.manifest().wallSeconds()).max().orElse(0);
    return new ScenarioResult(s, results, wall);
  }

  /** What makes {@code b} another sweep than {@code a}, or null. */
  private static String difference(Partial a, Partial b) {
    PartialResult.Manifest x = a.manifest();
    PartialResult.Manifest y = b.manifest();
    if (!x.scenario().equals(y.scenario())) {
      return "scenario " + x.scenario() + " vs " + y.scenario();
    }
    if (!a.resolvedYaml().equals(b.resolvedYaml())) {
      return "their scenario.resolved.yaml differ (other --set, --seed, --horizon, --scale or file)";
    }
    if (!x.sweep().equals(y.sweep())) {
      return "sweep " + x.sweep() + " vs " + y.sweep();
    }
    if (!x.variants().equals(y.variants())) {
      return "variants " + x.variants() + " vs " + y.variants();
    }
    if (x.replications() != y.replications()) {
      return "replications " + x.replications() + " vs " + y.replications();
    }
    if (!x.cases().equals(y.cases())) {
      return "their sweep points differ";
    }
    if (x.shardCount() != y.shardCount()) {
      return "--shard-count " + x.shardCount() + " vs " + y.shardCount();
    }
    if (!Objects.equals(x.version(), y.version())) {
      return "Cascade version " + x.version() + " vs " + y.version();
    }
    return null;
  }

  private static String describe(PartialResult.Manifest m, int k) {
    return m.cases().get(k / m.replications())
        + ", replication "
        + (k % m.replications() + 1)
        + " of "
        + m.replications();
  }

  /** The scenario of a partial: its resolved YAML with the sweep grid it ran. */
  private static Scenario scenario(Partial p) {
    List<String> params = new ArrayList<>();
    p.manifest()
        .sweep()
        .forEach((path, values) -> params.add(path + "=" + String.join(",", values)));
    return ScenarioLoader.load(
        p.resolvedYaml(),
        p.dir().resolve(ResultFiles.RESOLVED).toString(),
        new LoadOptions(List.of(), params));
  }
}
