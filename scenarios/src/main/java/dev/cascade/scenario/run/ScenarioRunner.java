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
 * Runs the cases of a scenario: every case times every replication is one single-threaded run
 * ({@link ModelRunner.Run}) with the scenario's seed and the replication's index, simulated in
 * turns of about 1% of its horizon by a fixed pool of {@code jobs} threads that share up to {@code
 * resident} runs (see {@link Turns}). Replication {@code r} of every case draws from the same
 * random streams (common random numbers), so cases differ by their architecture, not by luck.
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
    int[] all = new int[cases.size() * reps];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    RunResult[] results = runTasks(scenario, cases, all, options);
    List<CaseResult> out = new ArrayList<>();
    for (int c = 0; c < cases.size(); c++) {
      out.add(
          assemble(
              scenario, cases.get(c), Arrays.asList(results).subList(c * reps, (c + 1) * reps)));
    }
    return new ScenarioResult(scenario, out, (System.nanoTime() - start) / 1e9);
  }

  /**
   * Runs some of the runs of {@code cases}: run {@code k} is replication {@code k % replications}
   * of case {@code k / replications} (a shard of a sweep runs its share this way). Progress counts
   * only these runs.
   *
   * @return the results in the order of {@code tasks}; null for a run a cancellation stopped
   * @throws IllegalStateException wrapping the first failure of a run (a bug in a model)
   */
  public static RunResult[] runTasks(
      Scenario scenario, List<Case> cases, int[] tasks, RunOptions options) {
    int reps = scenario.replications();
    int n = tasks.length;
    double total = 0;
    for (int k : tasks) {
      total += cases.get(k / reps).model().horizon();
    }
    RunResult[] results = new RunResult[n];
    Progress progress = new Progress(n, total, options.progress());
    AtomicBoolean failed = new AtomicBoolean();
    BooleanSupplier stop = () -> failed.get() || options.cancellation().isCancelled();
    Turns turns = new Turns(scenario, cases, tasks, Math.min(options.resident(), n));
    ExecutorService pool = Executors.newFixedThreadPool(options.jobs(), new Workers());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < Math.min(options.jobs(), n); w++) {
        futures.add(
            pool.submit(
                () -> {
                  Turns.Turn turn;
                  while (!stop.getAsBoolean() && (turn = turns.take()) != null) {
                    boolean done;
                    try {
                      done = turn.run().step();
                    } catch (RuntimeException | Error e) {
                      turns.drop(turn);
                      throw e;
                    }
                    progress.update(turn.task(), turn.run().simulated());
                    if (done) {
                      results[turn.task()] = turn.run().finish();
                    }
                    turns.giveBack(turn, done);
                  }
                }));
      }
      await(futures, failed, options.cancellation());
    } finally {
      pool.shutdownNow();
    }
    return results;
  }

  /**
   * Hands out turns on the runs: up to {@code resident} runs are in memory at once, and each turn
   * simulates about 1% of one run's horizon. The next turn goes to the resident run that is least
   * far along (ties: the earlier task), and a new run starts whenever there is room. So when there
   * are more resident runs than threads, the threads share them (processor sharing): runs of
   * unequal cost finish close together instead of one long run finishing alone on one core while
   * the other cores idle. A run is stepped by one thread at a time, handed over under this object's
   * lock.
   */
  private static final class Turns {

    /** One resident run and its position in the tasks. */
    record Turn(int task, ModelRunner.Run run) {}

    private final Scenario scenario;
    private final List<Case> cases;
    private final int[] tasks;
    private final int resident;
    private final List<Turn> ready = new ArrayList<>();
    private int started;
    private int inMemory;

    Turns(Scenario scenario, List<Case> cases, int[] tasks, int resident) {
      this.scenario = scenario;
      this.cases = cases;
      this.tasks = tasks;
      this.resident = Math.max(1, resident);
    }

    /** The next turn, or null when every run is finished or held by another thread. */
    Turn take() {
      int task;
      synchronized (this) {
        if (inMemory < resident && started < tasks.length) {
          task = started++;
          inMemory++;
        } else {
          int best = -1;
          for (int i = 0; i < ready.size(); i++) {
            if (best < 0 || fraction(ready.get(i)) < fraction(ready.get(best))) {
              best = i; // ready is in task order, so ties go to the earlier task
            }
          }
          return best < 0 ? null : ready.remove(best);
        }
      }
      // Building a model allocates its state: done outside the lock.
      int reps = scenario.replications();
      int k = tasks[task];
      Case c = cases.get(k / reps);
      try {
        return new Turn(task, ModelRunner.start(c.model(), scenario.seed(), k % reps, c.windows()));
      } catch (RuntimeException | Error e) {
        synchronized (this) {
          inMemory--;
        }
        throw e;
      }
    }

    /** Returns a turn's run: back to the ready runs, or out of memory when it is done. */
    synchronized void giveBack(Turn turn, boolean done) {
      if (done) {
        inMemory--;
        return;
      }
      int i = 0;
      while (i < ready.size() && ready.get(i).task() < turn.task()) {
        i++;
      }
      ready.add(i, turn);
    }

    /** Forgets a run that failed. */
    synchronized void drop(Turn turn) {
      inMemory--;
    }

    private static double fraction(Turn t) {
      return t.run().simulated() / t.run().horizon();
    }
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
