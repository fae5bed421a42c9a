package dev.cascade.bench;

import java.util.Locale;

/**
 * Reference workloads of the event core, run without JMH so that one number per workload can be
 * compared against the goals of docs/PERFORMANCE.md.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.cascade.bench.Reference mm1|mm16|timers|timeouts
 *     [--departures N] [--repeat K]
 * </pre>
 *
 * <ul>
 *   <li>{@code mm1}: M/M/1, lambda 0.9, mu 1, 10M departures.
 *   <li>{@code mm16}: M/M/16, lambda 14.4, mu 1.
 *   <li>{@code timers}: {@code mm1} plus 1,000,000 hold-model timers, each firing after an
 *       exponential time of mean 1,000,000 and re-arming itself.
 *   <li>{@code timeouts}: {@code mm1} where every customer arms a timeout 100 time units after
 *       arrival that its departure cancels.
 * </ul>
 *
 * Events count arrivals, departures and timer firings, not cancellations. The last line printed is
 * {@code events_per_s=<number> mean_sojourn=<number>} (the median run of {@code --repeat}).
 */
public final class Reference {

  private Reference() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: Reference mm1|mm16|timers|timeouts [--departures N] [--repeat K]");
      System.exit(2);
    }
    String workload = args[0];
    long departures = 10_000_000L;
    int repeat = 3;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--departures" -> departures = Long.parseLong(args[++i].replace("_", ""));
        case "--repeat" -> repeat = Integer.parseInt(args[++i]);
        default -> {
          System.err.println("unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    // One short warm-up run lets the JIT compile the loop before measuring.
    create(workload, 1, Math.min(departures, 1_000_000L)).run();
    double[] rates = new double[repeat];
    double[] sojourns = new double[repeat];
    for (int r = 0; r < repeat; r++) {
      QueueModel model = create(workload, 100 + r, departures);
      long t0 = System.nanoTime();
      long events = model.run();
      double seconds = (System.nanoTime() - t0) / 1e9;
      rates[r] = events / seconds;
      sojourns[r] = model.meanSojourn();
      System.out.printf(
          Locale.ROOT,
          "run %d: %s events=%d wall_s=%.3f events_per_s=%.0f ns_per_customer=%.1f"
              + " mean_sojourn=%.4f%n",
          r + 1,
          workload,
          events,
          seconds,
          rates[r],
          seconds * 1e9 / model.departures,
          sojourns[r]);
    }
    int median = medianIndex(rates);
    System.out.printf(
        Locale.ROOT, "events_per_s=%.0f mean_sojourn=%.4f%n", rates[median], sojourns[median]);
  }

  static QueueModel create(String workload, long seed, long departures) {
    return switch (workload) {
      case "mm1" -> new QueueModel(seed, 0.9, 1.0, 1, 0, 0, 0, departures);
      case "mm16" -> new QueueModel(seed, 14.4, 1.0, 16, 0, 0, 0, departures);
      case "timers" -> new QueueModel(seed, 0.9, 1.0, 1, 0, 1_000_000, 1_000_000.0, departures);
      case "timeouts" -> new QueueModel(seed, 0.9, 1.0, 1, 100.0, 0, 0, departures);
      default -> throw new IllegalArgumentException("unknown workload " + workload);
    };
  }

  private static int medianIndex(double[] values) {
    Integer[] idx = new Integer[values.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> Double.compare(values[a], values[b]));
    return idx[idx.length / 2];
  }
}
