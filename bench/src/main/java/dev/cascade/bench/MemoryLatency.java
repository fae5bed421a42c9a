package dev.cascade.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The machine's latency of one dependent memory access, by working-set size: a pointer chase over
 * one random cycle through every cache line of an array, so that each load waits for the previous
 * one and the hardware prefetchers cannot guess the next address. This is the cost a simulation
 * pays each time it touches a request that went cold (a request that waited in a queue while a
 * hundred thousand others were touched), so it bounds how fast an overloaded full-scale run can be
 * on a given machine (docs/PERFORMANCE.md, sixth pass).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.cascade.bench.MemoryLatency
 *     [--sizes-mb 1,4,16,32,64,128,256] [--loads N] [--threads T]
 * </pre>
 *
 * With {@code --threads 2} two chases over separate arrays run at once (one per core), which shows
 * what the cores' shared cache and memory cost each other. Prints one line per size: {@code
 * size_mb=<n> ns_per_load=<mean over threads>}.
 */
public final class MemoryLatency {

  private static final int LINE_INTS = 16; // 64-byte cache lines

  private MemoryLatency() {}

  public static void main(String[] args) throws Exception {
    int[] sizesMb = {1, 4, 16, 32, 64, 128, 256};
    long loads = 20_000_000L;
    int threads = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sizes-mb" ->
            sizesMb = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--loads" -> loads = Long.parseLong(args[++i].replace("_", ""));
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        default -> {
          System.err.println(
              "usage: MemoryLatency [--sizes-mb 1,4,16,...] [--loads N] [--threads T]");
          System.exit(2);
        }
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int mb : sizesMb) {
        List<int[]> cycles = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          cycles.add(cycle(mb, 17 + t));
        }
        long n = loads;
        List<Future<Double>> results = new ArrayList<>();
        for (int[] c : cycles) {
          results.add(pool.submit(() -> chase(c, n)));
        }
        double sum = 0;
        for (Future<Double> f : results) {
          sum += f.get();
        }
        System.out.printf(
            Locale.ROOT, "size_mb=%d threads=%d ns_per_load=%.1f%n", mb, threads, sum / threads);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * An array of {@code mb} megabytes whose first int of each cache line holds the index of the next
   * line to visit, the lines forming one cycle in random order.
   */
  static int[] cycle(int mb, long seed) {
    int lines = Math.max(2, (int) ((long) mb * 1024 * 1024 / (LINE_INTS * Integer.BYTES)));
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    int[] order = PermutationSampler.natural(lines);
    PermutationSampler.shuffle(rng, order);
    int[] next = new int[lines * LINE_INTS];
    for (int i = 0; i < lines; i++) {
      next[order[i] * LINE_INTS] = order[(i + 1) % lines] * LINE_INTS;
    }
    return next;
  }

  /** Nanoseconds per load of a chase of {@code loads} steps, after a warm-up of a quarter. */
  static double chase(int[] next, long loads) {
    int p = 0;
    for (long s = 0; s < loads / 4; s++) {
      p = next[p];
    }
    long t0 = System.nanoTime();
    for (long s = 0; s < loads; s++) {
      p = next[p];
    }
    double ns = (System.nanoTime() - t0) / (double) loads;
    if (p == -1) {
      System.out.println(); // never: keeps the chase from being removed as dead code
    }
    return ns;
  }
}
