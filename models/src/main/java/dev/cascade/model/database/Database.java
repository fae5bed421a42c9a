package dev.cascade.model.database;

import dev.cascade.core.event.Component;
import dev.cascade.core.event.EventList;
import dev.cascade.core.event.TimeoutQueue;
import dev.cascade.core.random.Distribution;
import dev.cascade.core.stats.Counter;
import dev.cascade.core.stats.LatencyRecorder;
import dev.cascade.core.stats.Level;
import dev.cascade.core.stats.MetricRegistry;
import dev.cascade.model.ModelContext;
import dev.cascade.model.fault.FaultTarget;
import dev.cascade.model.flow.Backend;
import dev.cascade.model.flow.Op;
import dev.cascade.model.flow.OpQueue;
import dev.cascade.model.flow.Request;
import dev.cascade.model.spec.DatabaseSpec;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Database read nodes. Reads spread evenly over the nodes that are up. Each node runs {@code
 * workers} queries in parallel (workers = capacity x mean latency when only a capacity is given, so
 * a node saturates at its capacity) and queues the rest FIFO; in-service plus queued queries are
 * bounded by {@code max_connections}, and a caller that finds the pool full waits up to {@code
 * acquire_timeout} for a connection, then fails. Service time is the latency sample times the
 * Universal Scalability Law factor {@code 1 + sigma (n-1) + kappa n (n-1)} for the n busy workers
 * (Gunther 2007).
 *
 * <p>A query whose caller timed out keeps its connection and runs anyway (wasted work), unless
 * {@code cancel_on_timeout} is set, in which case it is dropped when it reaches a worker.
 */
public final class Database extends Component implements Backend, FaultTarget {

  private static final int DONE = 0;
  private static final int FAIL = 1;
  private static final int ACQUIRE_TIMEOUT = 2;
  private static final long NO_TIMER = EventList.NO_EVENT;

  private final ModelContext ctx;
  private final DatabaseSpec spec;
  private final String name;
  private final Distribution latency;
  private final UniformRandomProvider routeRng;
  private final int workers;
  private final TimeoutQueue acquireTimeouts;

  private Node[] nodes;
  private int alive;
  private int waiting;
  private boolean poolExhaustedLogged;

  private final Counter load;
  private final Counter throughput;
  private final Counter timeouts;
  private final Level busyLevel;
  private final Level queueLevel;
  private final Level connLevel;
  private final LatencyRecorder queryLatency;

  /** One read node. */
  private static final class Node {
    final int index;
    boolean up = true;
    int epoch;
    int busy;
    int connections;
    final OpQueue queue = new OpQueue();
    final OpQueue waiters = new OpQueue();
    final Level busyLevel;

    Node(int index, Level busyLevel) {
      this.index = index;
      this.busyLevel = busyLevel;
    }
  }

  public Database(ModelContext ctx, DatabaseSpec spec) {
    this.ctx = ctx;
    this.spec = spec;
    this.name = spec.name();
    this.latency = spec.latency().bind(ctx.stream(name, "latency"));
    this.routeRng = ctx.stream(name, "route");
    this.workers = spec.effectiveWorkers();
    this.acquireTimeouts =
        Double.isFinite(spec.acquireTimeout()) ? ctx.sim().timeouts(spec.acquireTimeout()) : null;
    MetricRegistry m = ctx.metrics();
    int n = Math.max(1, spec.nodes());
    nodes = new Node[n];
    for (int i = 0; i < n; i++) {
      nodes[i] = new Node(i, m.levelUnnamed());
    }
    alive = n;
    load = m.counter();
    throughput = m.counter();
    timeouts = m.counter();
    m.rate(name + ".load_rps", load);
    m.rate(name + ".throughput_rps", throughput);
    m.rate(name + ".timeouts_rps", timeouts);
    busyLevel = m.levelUnnamed();
    queueLevel = m.level(name + ".queue_len");
    connLevel = m.level(name + ".connections_in_use");
    m.gauge(name + ".nodes", () -> alive);
    m.gauge(name + ".up", () -> alive > 0 ? 1.0 : 0.0);
    m.derived(
        name + ".utilization",
        (from, to) -> busyLevel.intervalMean() / ((double) workers * nodes.length));
    m.derived(name + ".utilization_max", (from, to) -> maxNodeUtilization());
    queryLatency = m.latency(name + ".latency", "_p99");
  }

  private double maxNodeUtilization() {
    double max = 0;
    for (Node node : nodes) {
      max = Math.max(max, node.busyLevel.intervalMean() / workers);
    }
    return max;
  }

  @Override
  public String name() {
    return name;
  }

  /** Parallel workers per node. */
  public int workersPerNode() {
    return workers;
  }

  /** Nodes in service now. */
  public int aliveNodes() {
    return alive;
  }

  @Override
  public void submit(int kind, Request r, int seq, Reply reply) {
    Op op = new Op(kind, r, seq, reply, ctx.now());
    load.inc();
    if (alive == 0) {
      ctx.sim().after(0, this, FAIL, 0, op);
      return;
    }
    Node node = pick();
    op.node = node.index;
    if (node.connections < spec.maxConnections()) {
      connect(node, op);
    } else {
      if (!poolExhaustedLogged) {
        poolExhaustedLogged = true;
        ctx.event(
            name,
            "pool_exhausted",
            spec.maxConnections()
                + "/"
                + spec.maxConnections()
                + " connections in use"
                + ctx.spec().unitNote(name, "node"));
      }
      waiting++;
      queueLevel.add(ctx.now(), 1);
      // The timer's handle waits in the queue beside the query, so that handing the connection
      // to a waiter that went cold does not have to read the waiter first.
      node.waiters.add(
          op,
          acquireTimeouts != null
              ? acquireTimeouts.arm(this, ACQUIRE_TIMEOUT, node.index, op)
              : NO_TIMER);
    }
  }

  private Node pick() {
    if (alive == nodes.length) {
      return nodes[nodes.length == 1 ? 0 : routeRng.nextInt(nodes.length)];
    }
    int k = routeRng.nextInt(alive);
    for (Node node : nodes) {
      if (node.up && k-- == 0) {
        return node;
      }
    }
    throw new IllegalStateException("no node up");
  }

  /** The query holds a connection from here until it completes. */
  private void connect(Node node, Op op) {
    node.connections++;
    connLevel.add(ctx.now(), 1);
    if (node.busy < workers) {
      start(node, op);
    } else {
      node.queue.add(op);
      queueLevel.add(ctx.now(), 1);
    }
  }

  private void start(Node node, Op op) {
    if (spec.cancelOnTimeout() && op.abandoned()) {
      release(node);
      return;
    }
    node.busy++;
    op.epoch = node.epoch;
    double now = ctx.now();
    node.busyLevel.add(now, 1);
    busyLevel.add(now, 1);
    double t = latency.sample();
    if (spec.contention() != null) {
      int n = node.busy;
      t *= 1 + spec.contention().sigma() * (n - 1) + spec.contention().kappa() * n * (n - 1.0);
    }
    ctx.sim().after(t, this, DONE, node.index, op);
  }

  @Override
  public void handle(int type, int nodeIndex, Object payload) {
    Op op = (Op) payload;
    switch (type) {
      case DONE -> done(nodes[nodeIndex], op);
      case FAIL -> op.answer(UNAVAILABLE);
      case ACQUIRE_TIMEOUT -> acquireTimedOut(nodes[nodeIndex], op);
      default -> throw new IllegalStateException("event " + type);
    }
  }

  private void done(Node node, Op op) {
    if (op.epoch != node.epoch) {
      op.answer(UNAVAILABLE); // the node died while running it: the connection was reset
      return;
    }
    double now = ctx.now();
    node.busy--;
    node.busyLevel.add(now, -1);
    busyLevel.add(now, -1);
    throughput.inc();
    queryLatency.record(now - op.submitted);
    release(node);
    op.answer(OK);
  }

  /** A connection is free: the next queued query runs, or a waiting caller gets it. */
  private void release(Node node) {
    node.connections--;
    connLevel.add(ctx.now(), -1);
    while (node.busy < workers && !node.queue.isEmpty()) {
      Op next = node.queue.poll();
      queueLevel.add(ctx.now(), -1);
      start(node, next);
    }
    while (node.connections < spec.maxConnections() && !node.waiters.isEmpty()) {
      long timer = node.waiters.peekTag();
      Op w = node.waiters.poll();
      if (!stillWaiting(timer)) {
        continue; // already timed out
      }
      waiting--;
      queueLevel.add(ctx.now(), -1);
      connect(node, w);
    }
  }

  /**
   * Ends a waiter's wait: cancels its acquire timer; false when the timer already fired (the caller
   * was answered and the waiter stays in the queue until skipped).
   */
  private boolean stillWaiting(long timer) {
    return acquireTimeouts == null || acquireTimeouts.cancel(timer);
  }

  private void acquireTimedOut(Node node, Op op) {
    // The op stays in the waiter queue until skipped: its handle is stale now.
    waiting--;
    queueLevel.add(ctx.now(), -1);
    timeouts.inc();
    op.answer(UNAVAILABLE);
  }

  /** Adds {@code count} fresh read nodes (autoscaling); returns the node count after. */
  public int addNodes(int count) {
    int old = nodes.length;
    Node[] grown = java.util.Arrays.copyOf(nodes, old + count);
    for (int i = old; i < grown.length; i++) {
      grown[i] = new Node(i, ctx.metrics().levelUnnamed());
    }
    nodes = grown;
    alive += count;
    return nodes.length;
  }

  /** Nodes in the cluster, up or down. */
  public int nodeCount() {
    return nodes.length;
  }

  public DatabaseSpec spec() {
    return spec;
  }

  @Override
  public void killNodes(int count) {
    int killed = 0;
    for (int i = nodes.length - 1; i >= 0 && killed < count; i--) {
      Node node = nodes[i];
      if (node.up) {
        node.up = false;
        alive--;
        killed++;
        failAll(node);
      }
    }
    ctx.event(name, "crashed", killed + " node(s) down, " + alive + " left");
  }

  @Override
  public void reviveNodes(int count) {
    int revived = 0;
    for (int i = 0; i < nodes.length && revived < count; i++) {
      if (!nodes[i].up) {
        nodes[i].up = true;
        alive++;
        revived++;
      }
    }
    ctx.event(name, "recovered", revived + " node(s) back, " + alive + " up");
  }

  @Override
  public void crash(String cause) {
    killNodes(nodes.length);
  }

  @Override
  public void recover(String cause) {
    reviveNodes(nodes.length);
  }

  /**
   * Checks per node: 0 <= busy <= workers, busy + queued = connections <= max_connections, no
   * queued query while a worker is idle, and no waiter while a connection is free.
   */
  public void checkInvariants() {
    int up = 0;
    int totalWaiting = 0;
    for (Node n : nodes) {
      if (n.busy < 0 || n.busy > workers) {
        throw new IllegalStateException(name + " node " + n.index + " busy " + n.busy);
      }
      if (n.connections != n.busy + n.queue.size() || n.connections > spec.maxConnections()) {
        throw new IllegalStateException(
            name
                + " node "
                + n.index
                + " connections "
                + n.connections
                + " != busy "
                + n.busy
                + " + queued "
                + n.queue.size());
      }
      if (!n.queue.isEmpty() && n.busy < workers) {
        throw new IllegalStateException(name + " node " + n.index + " queued while idle");
      }
      up += n.up ? 1 : 0;
      totalWaiting += n.waiters.size();
    }
    if (up != alive || waiting < 0 || waiting > totalWaiting) {
      throw new IllegalStateException(name + " alive/waiting counts inconsistent");
    }
  }

  /** Fails every query held by a node that went down. */
  private void failAll(Node node) {
    double now = ctx.now();
    busyLevel.add(now, -node.busy);
    node.busyLevel.add(now, -node.busy);
    connLevel.add(now, -node.connections);
    node.busy = 0;
    node.connections = 0;
    node.epoch++;
    Op op;
    while ((op = node.queue.poll()) != null) {
      queueLevel.add(now, -1);
      ctx.sim().after(0, this, FAIL, 0, op);
    }
    while (!node.waiters.isEmpty()) {
      long timer = node.waiters.peekTag();
      op = node.waiters.poll();
      if (stillWaiting(timer)) {
        waiting--;
        queueLevel.add(now, -1);
        ctx.sim().after(0, this, FAIL, 0, op);
      }
    }
  }
}
