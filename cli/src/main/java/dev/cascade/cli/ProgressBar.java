package dev.cascade.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr: simulated time done over total, runs done, wall time and ETA,
 * redrawn at most ten times a second. It draws only when stderr is a terminal (so CI logs stay
 * clean) and never with {@code --quiet}.
 */
final class ProgressBar implements AutoCloseable {

  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintStream out;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  ProgressBar(PrintStream out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
  }

  /** Whether a progress bar should be shown: a terminal and not quiet. */
  static boolean wanted(boolean quiet) {
    return !quiet && System.console() != null && System.getenv("CI") == null;
  }

  /**
   * A listener that redraws this bar for {@code runs} runs; runs done are estimated from the
   * simulated time done (the runs take turns, so they finish together).
   */
  dev.cascade.scenario.run.ProgressListener listener(int runs) {
    return (done, total) ->
        update(
            done, total, (int) Math.floor(runs * Math.min(1, done / Math.max(total, 1e-9))), runs);
  }

  /** Redraws the bar (thread-safe; runs on worker threads). */
  synchronized void update(double simulatedDone, double simulatedTotal, int runsDone, int runs) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS && simulatedDone < simulatedTotal) {
      return;
    }
    lastDraw = now;
    out.print('\r');
    out.print(line(simulatedDone, simulatedTotal, runsDone, runs, (now - start) / 1e9));
    out.flush();
    drawn = true;
  }

  static String line(double done, double total, int runsDone, int runs, double wallSeconds) {
    double f = total > 0 ? Math.min(1, done / total) : 1;
    int filled = (int) Math.round(f * WIDTH);
    String eta = f > 0.001 ? seconds(wallSeconds * (1 - f) / f) : "?";
    return String.format(
        Locale.ROOT,
        "[%s%s] %3.0f%%  runs %d/%d  wall %s  eta %s   ",
        "#".repeat(filled),
        " ".repeat(WIDTH - filled),
        f * 100,
        runsDone,
        runs,
        seconds(wallSeconds),
        eta);
  }

  private static String seconds(double s) {
    if (s < 60) {
      return String.format(Locale.ROOT, "%.0fs", s);
    }
    return String.format(Locale.ROOT, "%dm%02ds", (long) s / 60, (long) s % 60);
  }

  @Override
  public synchronized void close() {
    if (enabled && drawn) {
      out.print('\r');
      out.print(" ".repeat(WIDTH + 60));
      out.print('\r');
      out.flush();
    }
  }
}
