package dev.cascade.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Queueing loops on the engine ({@link dev.cascade.core.event.Simulation} with its event list and
 * timeout queues): the reference workloads of {@link Reference}, a fixed number of customers per
 * invocation, reported as time per customer (each customer is an arrival and a departure event).
 *
 * <ul>
 *   <li>{@code mm1}: M/M/1, lambda 0.9, mu 1.
 *   <li>{@code mm16}: M/M/16, lambda 14.4, mu 1.
 *   <li>{@code timeouts}: {@code mm1} where every customer arms a timeout that its departure
 *       cancels.
 * </ul>
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar Engine -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {

  private static final int CUSTOMERS = 200_000;

  @Param({"mm1", "mm16", "timeouts"})
  String workload;

  private long seed;

  @Benchmark
  @OperationsPerInvocation(CUSTOMERS)
  public void queue(Blackhole bh) {
    QueueModel model = Reference.create(workload, ++seed, CUSTOMERS);
    bh.consume(model.run());
    bh.consume(model.meanSojourn());
  }
}
