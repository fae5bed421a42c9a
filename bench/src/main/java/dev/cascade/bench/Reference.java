package dev.cascade.bench;

import java.util.Locale;

/**
 * Reference workloads of the event core, run without JMH so that one number per workload can be
 * compared against the goals of docs/PERFORMANCE.md.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.cascade.bench.Reference mm1|mm16|timers|timeouts
 *     [--departures N] [--repeat K]
 * java -cp bench/target/benchmarks.jar dev.cascade.bench.Reference growth [--workload W]
 *     [--sizes 1000000,10000000,30000000] [--repeat K]
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
 *
 * <p>{@code growth} checks that the cost per event does not grow with run length: it runs a
 * workload ({@code mm1} unless {@code --workload} says otherwise) at each departure count of {@code
 * --sizes}, prints the median events per second of each, and last {@code growth <workload>
 * events_per_s_<size>=<number>... ratio=<number>}, the ratio being the longest run's nanoseconds
 * per event over the shortest's (1 is linear; above 1 is worse than linear).
 */
public final class Reference {

  private Reference() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println(
          "usage: Reference mm1|mm16|timers|timeouts [--departures N] [--repeat K]\n"
              + "       Reference growth [--workload W] [--sizes N1,N2,...] [--repeat K]");
      System.exit(2);
    }
    String workload = args[0];
    long departures = 10_000_000L;
    int repeat = 3;
    String growthWorkload = "mm1";
    long[] sizes = {1_000_000L, 10_000_000L, 30_000_000L};
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--departures" -> departures = Long.parseLong(args[++i].replace("_", ""));
        case "--repeat" -> repeat = Integer.parseInt(args[++i]);
        case "--workload" -> growthWorkload = args[++i];
        case "--sizes" ->
            sizes =
                java.util.Arrays.stream(args[++i].split(","))
                    .mapToLong(v -> Long.parseLong(v.trim().replace("_", "")))
                    .toArray();
        default -> {
          System.err.println("unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    if (workload.equals("growth")) {
      growth(growthWorkload, sizes, repeat);
      return;
    }
    // One short warm-up run lets the JIT compile the loop before measuring.
    create(workload, 1, Math.min(departures, 1_000_000L)).run();
    Median median = measure(workload, departures, repeat);
    System.out.printf(
        Locale.ROOT,
        "events_per_s=%.0f mean_sojourn=%.4f%n",
        median.eventsPerSecond,
        median.sojourn);
  }

  /** The run with the median events per second, and its mean sojourn. */
  private record Median(double eventsPerSecond, double sojourn) {}

  /** Runs a workload {@code repeat} times, printing each run; returns the median run. */
  private static Median measure(String workload, long departures, int repeat) {
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
    return new Median(rates[median], sojourns[median]);
  }

  private static void growth(String workload, long[] sizes, int repeat) {
    create(workload, 1, Math.min(sizes[0], 1_000_000L)).run();
    StringBuilder last = new StringBuilder("growth " + workload);
    double[] rates = new double[sizes.length];
    for (int i = 0; i < sizes.length; i++) {
      rates[i] = measure(workload, sizes[i], repeat).eventsPerSecond;
      System.out.printf(Locale.ROOT, "departures=%d events_per_s=%.0f%n", sizes[i], rates[i]);
      last.append(String.format(Locale.ROOT, " events_per_s_%d=%.0f", sizes[i], rates[i]));
    }
    last.append(String.format(Locale.ROOT, " ratio=%.3f", rates[0] / rates[sizes.length - 1]));
    System.out.println(last);
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
