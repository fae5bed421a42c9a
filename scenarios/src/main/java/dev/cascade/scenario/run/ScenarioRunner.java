package dev.cascade.scenario.run;

import dev.cascade.core.result.RunResult;
import dev.cascade.core.result.Summary;
import dev.cascade.model.ModelRunner;
import dev.cascade.scenario.spec.Case;
import dev.cascade.scenario.spec.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs the cases of a scenario: every case times every replication is one task on a fixed pool of
 * {@code jobs} threads, and each task is one single-threaded {@link ModelRunner#run} with the
 * scenario's seed and the replication's index. Replication {@code r} of every case draws from the
 * same random streams (common random numbers), so cases differ by their architecture, not by luck.
 * Results land in a slot fixed by (case, replication), which makes the output the same whatever the
 * number of threads and whatever order tasks finish in.
 */
public final class ScenarioRunner {

  private ScenarioRunner() {}

  /** Runs every variant of {@code scenario} (no sweep). */
  public static ScenarioResult run(Scenario scenario, RunOptions options) {
    return run(scenario, scenario.cases(), options);
  }

  /**
   * Runs {@code cases} (from {@link Scenario#cases}) with the scenario's seed and replications.
   * After a cancellation, returns what finished.
   *
   * @throws IllegalStateException wrapping the first failure of a run (a bug in a model)
   */
  public static ScenarioResult run(Scenario scenario, List<Case> cases, RunOptions options) {
    long start = System.nanoTime();
    int reps = scenario.replications();
    int n = cases.size() * reps;
    double total = cases.stream().mapToDouble(c -> c.model().horizon()).sum() * reps;
    RunResult[] results = new RunResult[n];
    Progress progress = new Progress(n, total, options.progress());
    AtomicBoolean failed = new AtomicBoolean();
    BooleanSupplier stop = () -> failed.get() || options.cancellation().isCancelled();
    ExecutorService pool = Executors.newFixedThreadPool(options.jobs(), new Workers());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int task = i;
        Case c = cases.get(i / reps);
        futures.add(
            pool.submit(
                () -> {
                  if (stop.getAsBoolean()) {
                    return;
                  }
                  RunResult r =
                      ModelRunner.run(
                          c.model(),
                          scenario.seed(),
                          task % reps,
                          c.windows(),
                          t -> progress.update(task, t),
                          stop);
                  if (!stop.getAsBoolean() || progress.reached(task, c.model().horizon())) {
                    results[task] = r;
                  }
                }));
      }
      await(futures, failed, options.cancellation());
    } finally {
      pool.shutdownNow();
    }
    List<CaseResult> out = new ArrayList<>();
    for (int c = 0; c < cases.size(); c++) {
      out.add(
          assemble(
              scenario, cases.get(c), Arrays.asList(results).subList(c * reps, (c + 1) * reps)));
    }
    return new ScenarioResult(scenario, out, (System.nanoTime() - start) / 1e9);
  }

  /**
   * Waits for every task; an interrupt cancels the run, which still waits for tasks to stop. The
   * first task failure is rethrown (after {@code failed} is set so the others stop early).
   */
  public static void await(List<Future<?>> futures, AtomicBoolean failed, Cancellation cancel) {
    RuntimeException failure = null;
    boolean interrupted = false;
    for (Future<?> f : futures) {
      while (true) {
        try {
          f.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
          cancel.cancel();
        } catch (ExecutionException e) {
          failed.set(true);
          if (failure == null) {
            failure =
                new IllegalStateException("a simulation run failed: " + e.getCause(), e.getCause());
          }
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static CaseResult assemble(Scenario scenario, Case c, List<RunResult> slots) {
    List<RunResult> runs = slots.stream().filter(r -> r != null).toList();
    if (runs.isEmpty()) {
      return new CaseResult(c, slots.size(), runs, null, List.of());
    }
    Summary summary = Summary.of(runs);
    List<CheckResult> checks =
        CheckEvaluator.evaluate(scenario.checksFor(c.variant()), summary, c.model().scale());
    return new CaseResult(c, slots.size(), runs, summary, checks);
  }

  /** Sums the simulated time of every run and reports it, one call at a time. */
  private static final class Progress {
    private final double[] last;
    private final double total;
    private final ProgressListener listener;
    private double done;

    Progress(int runs, double total, ProgressListener listener) {
      this.last = new double[runs];
      this.total = total;
      this.listener = listener;
    }

    synchronized void update(int run, double seconds) {
      done += seconds - last[run];
      last[run] = seconds;
      listener.progress(done, total);
    }

    synchronized boolean reached(int run, double horizon) {
      return last[run] >= horizon;
    }
  }

  /** Daemon worker threads, so an abandoned run never keeps the JVM alive. */
  private static final class Workers implements java.util.concurrent.ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "cascade-run-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
