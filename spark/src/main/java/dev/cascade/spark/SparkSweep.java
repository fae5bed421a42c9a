package dev.cascade.spark;

import dev.cascade.cli.Main;
import dev.cascade.cli.ScenarioOptions;
import dev.cascade.core.result.RunResult;
import dev.cascade.model.ModelRunner;
import dev.cascade.scenario.bind.LoadOptions;
import dev.cascade.scenario.bind.ScenarioException;
import dev.cascade.scenario.bind.ScenarioLoader;
import dev.cascade.scenario.output.CascadeVersion;
import dev.cascade.scenario.output.PartialResult;
import dev.cascade.scenario.output.RunResultJson;
import dev.cascade.scenario.spec.Case;
import dev.cascade.scenario.spec.Scenario;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cascade sweep} on a Spark cluster:
 *
 * <pre>
 * spark-submit --class dev.cascade.spark.SparkSweep cascade-spark.jar SCENARIO --out DIR
 *     [--param PATH=V1,V2,...] [--set PATH=VALUE] [--partitions N] ...
 * </pre>
 *
 * The driver loads the scenario and numbers its runs in the canonical order of a sharded sweep (run
 * {@code k} is replication {@code k % R} of case {@code k / R}, cases in {@code cascade sweep}
 * order). The run indices are distributed with {@code parallelize(indices, partitions)}; each task
 * re-loads the scenario from its resolved YAML (a broadcast) and runs its runs whole, with the same
 * {@link ModelRunner#run} call, seed and replication index as one machine, returning each as its
 * lossless {@link RunResultJson} text (gzipped). The driver collects them into one partial result
 * (shard 0 of 1, {@link PartialResult}) in a temporary folder and hands it to {@code cascade
 * merge}, so {@code summary.json}, {@code sweep.csv} and the rest are the files a single-machine
 * {@code cascade sweep} writes, byte for byte apart from {@code wall_s} (here: the Spark job's wall
 * time).
 */
public final class SparkSweep {

  private SparkSweep() {}

  /** The command line; picocli only parses it. */
  @Command(
      name = "SparkSweep",
      mixinStandardHelpOptions = true,
      description =
          "Run a Cascade sweep on Spark (spark-submit --class dev.cascade.spark.SparkSweep"
              + " cascade-spark.jar SCENARIO --out DIR ...); writes what `cascade sweep` writes.")
  static final class Args {
    @Parameters(paramLabel = "SCENARIO", description = "A scenario file or a built-in name.")
    String scenario;

    @Option(
        names = {"-o", "--out"},
        required = true,
        paramLabel = "DIR",
        description = "Output folder, on the driver's file system.")
    Path out;

    @Option(
        names = "--param",
        paramLabel = "PATH=V1,V2,...",
        description = "A swept parameter (repeatable); replaces the scenario's sweep.")
    List<String> params = new ArrayList<>();

    @Option(names = "--variant", paramLabel = "NAME", description = "Sweep only this variant.")
    List<String> variants = new ArrayList<>();

    @Option(
        names = "--set",
        paramLabel = "PATH=VALUE",
        description = "Override a field (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Base seed (overrides the file).")
    Long seed;

    @Option(
        names = "--replications",
        paramLabel = "N",
        description = "Independent runs per sweep point (overrides the file).")
    Integer replications;

    @Option(names = "--horizon", paramLabel = "D", description = "Simulated time, e.g. 30m.")
    String horizon;

    @Option(names = "--scale", paramLabel = "F", description = "Simulated slice, e.g. 1/16.")
    String scale;

    @Option(
        names = "--partitions",
        paramLabel = "N",
        description = "Spark partitions (default: the context's default parallelism).")
    Integer partitions;

    @Option(
        names = "--format",
        paramLabel = "png|svg|both",
        description = "Chart format (default: png).")
    String format = "png";

    @Option(names = "--no-charts", description = "Skip charts and the HTML report.")
    boolean noCharts;

    /** --seed, --replications, --horizon, --scale as sets (as `cascade sweep` does), then --set. */
    List<String> allSets() {
      return ScenarioOptions.topLevelSets(seed, replications, horizon, scale, sets);
    }
  }

  /**
   * What every task needs to rebuild the sweep: the resolved scenario text, the sweep grid as
   * {@code --param}s, the variants and (to check the rebuild) the case labels and replications.
   */
  record Job(
      String resolvedYaml,
      String source,
      List<String> params,
      List<String> variants,
      List<String> labels,
      int replications)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The scenario and its cases, re-loaded as {@code cascade merge} re-loads a partial's. */
    List<Case> cases(Scenario[] scenario) {
      Scenario s = ScenarioLoader.load(resolvedYaml, source, new LoadOptions(List.of(), params));
      List<Case> cases = s.cases(variants, true);
      if (!cases.stream().map(Case::label).toList().equals(labels)
          || s.replications() != replications) {
        throw new IllegalStateException(
            "the scenario re-loaded from its resolved YAML has other cases than on the driver");
      }
      scenario[0] = s;
      return cases;
    }
  }

  /** Runs one partition's runs; returns each as gzipped {@link RunResultJson} text. */
  static final class RunTask implements FlatMapFunction<Iterator<Integer>, byte[]> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Job> job;

    RunTask(Broadcast<Job> job) {
      this.job = job;
    }

    @Override
    public Iterator<byte[]> call(Iterator<Integer> indices) throws IOException {
      List<byte[]> out = new ArrayList<>();
      if (!indices.hasNext()) {
        return out.iterator();
      }
      Scenario[] holder = new Scenario[1];
      List<Case> cases = job.value().cases(holder);
      Scenario s = holder[0];
      int reps = s.replications();
      while (indices.hasNext()) {
        int k = indices.next();
        Case c = cases.get(k / reps);
        int rep = k % reps;
        RunResult r = ModelRunner.run(c.model(), s.seed(), rep, c.windows(), t -> {}, () -> false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RunResultJson.write(
            new RunResultJson.Run(k, c.label(), c.variant(), c.point(), rep, r),
            new GZIPOutputStream(bytes, 1 << 16));
        out.add(bytes.toByteArray());
      }
      return out.iterator();
    }
  }

  /**
   * Entry point for {@code spark-submit}: the master and the rest of the Spark configuration come
   * from spark-submit (or {@code spark.*} system properties). Exits with the code {@code cascade
   * sweep} would: 0, 1 when a check fails, 2 on bad input.
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    Args parsed = parse(args, out, err);
    int code;
    if (parsed == null) {
      code = 2;
    } else if (parsed.scenario == null) {
      code = 0; // --help or --version
    } else {
      SparkConf conf = new SparkConf().setAppName("cascade-sweep");
      try (JavaSparkContext sc = new JavaSparkContext(conf)) {
        code = run(sc, parsed, out, err);
      }
    }
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the sweep of {@code args} on {@code sc}; returns the exit code. */
  public static int run(JavaSparkContext sc, String[] args, PrintStream out, PrintStream err) {
    Args parsed = parse(args, out, err);
    if (parsed == null) {
      return 2;
    }
    return parsed.scenario == null ? 0 : run(sc, parsed, out, err);
  }

  /** The parsed arguments; null after a usage error; scenario null after --help or --version. */
  private static Args parse(String[] args, PrintStream out, PrintStream err) {
    Args parsed = new Args();
    CommandLine cl = new CommandLine(parsed);
    try {
      CommandLine.ParseResult r = cl.parseArgs(args);
      if (r.isUsageHelpRequested() || r.isVersionHelpRequested()) {
        cl.usage(out);
        parsed.scenario = null;
        return parsed;
      }
      if (parsed.scenario == null) {
        throw new CommandLine.ParameterException(cl, "Missing required parameter: 'SCENARIO'");
      }
      return parsed;
    } catch (CommandLine.ParameterException e) {
      err.println("cascade-spark: " + e.getMessage());
      cl.usage(err);
      return null;
    }
  }

  private static int run(JavaSparkContext sc, Args a, PrintStream out, PrintStream err) {
    long start = System.nanoTime();
    Scenario s;
    List<Case> cases;
    Job job;
    try {
      if (a.partitions != null && a.partitions < 1) {
        throw new Main.UserError("--partitions must be at least 1, got " + a.partitions);
      }
      if (!List.of("png", "svg", "both").contains(a.format)) {
        throw new Main.UserError("--format must be png, svg or both, got " + a.format);
      }
      s = ScenarioLoader.loadArgument(a.scenario, new LoadOptions(a.allSets(), a.params));
      if (s.sweep().isEmpty()) {
        throw new Main.UserError(
            s.name() + " has no sweep: add a `sweep:` section or pass --param PATH=V1,V2,...");
      }
      for (String v : a.variants) {
        if (!s.variantNames().contains(v)) {
          throw new Main.UserError(
              "no variant " + v + " in " + s.name() + " (variants: " + s.variantNames() + ")");
        }
      }
      List<String> variants = a.variants.isEmpty() ? s.variantNames() : List.copyOf(a.variants);
      cases = s.cases(variants, true);
      List<String> params = new ArrayList<>();
      for (Map.Entry<String, List<String>> e : s.sweep().entrySet()) {
        params.add(e.getKey() + "=" + String.join(",", e.getValue()));
      }
      job =
          new Job(
              s.resolvedYaml(),
              s.name() + "/scenario.resolved.yaml",
              List.copyOf(params),
              variants,
              cases.stream().map(Case::label).toList(),
              s.replications());
      job.cases(new Scenario[1]); // fails here, on the driver, if the tasks could not rebuild it
    } catch (ScenarioException e) {
      e.problems().forEach(p -> err.println(p.toString()));
      err.println(
          "cascade-spark: "
              + e.problems().size()
              + (e.problems().size() == 1 ? " problem" : " problems")
              + " in the scenario; nothing was written");
      return 2;
    } catch (Main.UserError | IllegalStateException e) {
      err.println("cascade-spark: " + e.getMessage());
      return 2;
    }

    int total = cases.size() * s.replications();
    int partitions =
        Math.max(1, Math.min(total, a.partitions != null ? a.partitions : sc.defaultParallelism()));
    // Partition p gets mostly the runs with k % partitions == p: a mix of cases, not one case's
    // replications, so slow sweep points spread over the cluster.
    List<Integer> indices = new ArrayList<>(total);
    for (int p = 0; p < partitions; p++) {
      for (int k = p; k < total; k += partitions) {
        indices.add(k);
      }
    }
    Broadcast<Job> shared = sc.broadcast(job);
    List<byte[]> texts;
    try {
      texts = sc.parallelize(indices, partitions).mapPartitions(new RunTask(shared)).collect();
    } finally {
      shared.destroy();
    }

    List<RunResultJson.Run> runs = new ArrayList<>(texts.size());
    for (byte[] t : texts) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(t))) {
        runs.add(RunResultJson.read(in, "a run from Spark"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    texts = null;
    runs.sort(Comparator.comparingInt(RunResultJson.Run::index));
    double wall = (System.nanoTime() - start) / 1e9;
    out.printf(
        "%s: %d run(s) (%d sweep point(s) x %d replication(s)) on Spark in %d partition(s),"
            + " %.1f s wall%n",
        s.name(), total, cases.size(), s.replications(), partitions, wall);

    PartialResult.Manifest manifest =
        new PartialResult.Manifest(
            CascadeVersion.current(),
            s.name(),
            s.sweep(),
            job.variants(),
            job.labels(),
            s.replications(),
            0,
            1,
            runs.stream().map(RunResultJson.Run::index).toList(),
            wall);
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("cascade-spark-");
      Path partial = tmp.resolve("shard-0-of-1");
      PartialResult.write(partial, manifest, s.resolvedYaml(), runs);
      runs = null;
      List<String> merge = new ArrayList<>(List.of("merge", partial.toString(), "-o"));
      merge.add(a.out.toString());
      merge.add("--format");
      merge.add(a.format);
      if (a.noCharts) {
        merge.add("--no-charts");
      }
      return Main.execute(merge.toArray(new String[0]), out, err);
    } catch (IOException e) {
      err.println("cascade-spark: cannot write the collected runs: " + e.getMessage());
      return 2;
    } finally {
      if (tmp != null) {
        delete(tmp);
      }
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temporary folder is harmless
    }
  }
}
