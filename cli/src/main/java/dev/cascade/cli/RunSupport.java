package dev.cascade.cli;

import dev.cascade.core.stats.Window;
import dev.cascade.scenario.bind.LoadOptions;
import dev.cascade.scenario.bind.ScenarioLoader;
import dev.cascade.scenario.output.CascadeVersion;
import dev.cascade.scenario.output.OutputFolder;
import dev.cascade.scenario.output.ResultFiles;
import dev.cascade.scenario.output.SummaryJson;
import dev.cascade.scenario.run.Cancellation;
import dev.cascade.scenario.run.CaseResult;
import dev.cascade.scenario.run.CheckResult;
import dev.cascade.scenario.run.RunOptions;
import dev.cascade.scenario.run.ScenarioResult;
import dev.cascade.scenario.run.ScenarioRunner;
import dev.cascade.scenario.spec.Case;
import dev.cascade.scenario.spec.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The flow shared by the simulating commands: load the scenario (with overrides), check the
 * estimated time and memory ({@link RunBudget}), run its cases with a progress bar, write the
 * output folder atomically, print a short report, and map the outcome to an exit code. Ctrl-C
 * cancels the runs still going; the finished ones are written and the command exits with 130.
 */
final class RunSupport {

  private RunSupport() {}

  static Scenario load(String argument, ScenarioOptions o, List<String> params) {
    return load(argument, o, params, List.of());
  }

  /**
   * Loads the scenario for the variants {@code variants} (empty: all): a variant outside them that
   * an override breaks is left out instead of failing the command.
   */
  static Scenario load(
      String argument, ScenarioOptions o, List<String> params, List<String> variants) {
    LoadOptions options = new LoadOptions(o.allSets(), params, variants);
    return ScenarioLoader.loadArgument(argument, options);
  }

  /** Runs {@code cases} of {@code scenario}; returns the result (possibly with cancelled runs). */
  static ScenarioResult run(
      Scenario scenario,
      List<Case> cases,
      ScenarioOptions o,
      PrintStream err,
      Interrupt interrupt) {
    Path dir = outDir(scenario, o);
    try {
      OutputFolder.checkReplaceable(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
    }
    int runs = cases.size() * scenario.replications();
    RunBudget.Estimate budget = RunBudget.checked(scenario, cases, o, err);
    try (ProgressBar bar = new ProgressBar(err, ProgressBar.wanted(o.quiet))) {
      RunOptions options =
          RunOptions.jobs(budget.jobs())
              .withResident(budget.resident())
              .withCancellation(interrupt.cancellation)
              .withProgress(bar.listener(runs));
      return ScenarioRunner.run(scenario, cases, options);
    }
  }

  /** Where the results of {@code scenario} go. */
  static Path outDir(Scenario scenario, ScenarioOptions o) {
    return o.out != null ? o.out : Path.of("out", scenario.name());
  }

  /** Writes the output folder (standard files, and charts + report unless --no-charts). */
  static Path write(ScenarioResult result, ScenarioOptions o, OutputFolder.Contents... extra) {
    Path dir = outDir(result.scenario(), o);
    List<OutputFolder.Contents> contents = new ArrayList<>(List.of(extra));
    if (!o.noCharts) {
      contents.add(Reports.charts(result, o.format()));
    }
    try {
      ResultFiles.write(result, dir, contents.toArray(new OutputFolder.Contents[0]));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
    }
    return dir;
  }

  /** Prints summary.json (for --json). */
  static void printJson(ScenarioResult result, PrintStream out) {
    StringWriter w = new StringWriter();
    SummaryJson.write(result, CascadeVersion.current(), w);
    out.println(w);
  }

  /** Prints the checks; returns true when every check passed. */
  static boolean printChecks(ScenarioResult result, PrintStream out) {
    boolean all = true;
    for (CaseResult c : result.cases()) {
      for (CheckResult cr : c.checks()) {
        all &= cr.passed();
        out.printf(
            Locale.ROOT,
            "  %-6s %-22s %s %s %s = %s (±%s), bound %s%s%s%n",
            cr.passed() ? "PASS" : "FAIL",
            c.kase().label(),
            cr.check().metric(),
            cr.check().window(),
            cr.check().stat(),
            number(cr.value()),
            number(cr.ci95()),
            cr.check().bound(),
            cr.marginal() ? " [marginal]" : "",
            Double.isNaN(cr.value()) ? " [" + noData(c, cr) + "]" : "");
      }
    }
    return all;
  }

  /**
   * Why a check has no value: its window lies outside the simulated time (a shortened {@code
   * --horizon}, or a window ending before the warm-up), or the run produced no such statistic.
   */
  static String noData(CaseResult c, CheckResult cr) {
    String name = cr.check().window();
    double horizon = c.kase().model().horizon();
    for (Window w : c.kase().windows()) {
      if (w.name().equals(name)) {
        if (w.fromSeconds() >= horizon) {
          return String.format(
              Locale.ROOT,
              "no data: window %s starts at %s s and the run ends at %s s",
              name,
              number(w.fromSeconds()),
              number(horizon));
        }
        return "no data: the run recorded no "
            + cr.check().metric()
            + " in window "
            + name
            + " ("
            + number(w.fromSeconds())
            + " .. "
            + number(w.toSeconds())
            + " s)";
      }
    }
    return "no data: no window " + name + " in this run";
  }

  static String number(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    if (a != 0 && (a < 0.01 || a >= 1e6)) {
      return String.format(Locale.ROOT, "%.3g", v);
    }
    return String.format(Locale.ROOT, a >= 100 ? "%.1f" : "%.4f", v).replaceAll("\\.?0+$", "");
  }

  /** Exit code after a run: 130 when interrupted, 1 when a check failed, else 0. */
  static int exitCode(ScenarioResult result, boolean checksPassed, Interrupt interrupt) {
    if (interrupt.cancellation.isCancelled()) {
      return ExitCodes.INTERRUPTED;
    }
    return checksPassed ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
  }

  /**
   * Ctrl-C handling: a shutdown hook cancels the runs and waits until the command has written what
   * finished, so the JVM exits (with 130, the SIGINT status) only after the output is in place.
   */
  static final class Interrupt implements AutoCloseable {
    final Cancellation cancellation = new Cancellation();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    Interrupt() {
      hook =
          new Thread(
              () -> {
                cancellation.cancel();
                try {
                  done.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "cascade-interrupt");
      Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it now returns and the JVM exits
      }
    }
  }
}
