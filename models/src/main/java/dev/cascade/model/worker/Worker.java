package dev.cascade.model.worker;

import dev.cascade.core.event.Component;
import dev.cascade.core.stats.Counter;
import dev.cascade.core.stats.LatencyRecorder;
import dev.cascade.core.stats.MetricRegistry;
import dev.cascade.core.unit.Durations;
import dev.cascade.model.ModelContext;
import dev.cascade.model.flow.Request;
import dev.cascade.model.redis.JobQueue;
import dev.cascade.model.redis.Redis;
import dev.cascade.model.service.Service;
import dev.cascade.model.spec.BackoffSpec;
import dev.cascade.model.spec.Outcome;
import dev.cascade.model.spec.ServiceSpec;
import dev.cascade.model.spec.StepSpec;
import dev.cascade.model.spec.WorkerSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A pool of {@code consumers} reading one broker queue (BRPOP). A free consumer takes the oldest
 * job, spends the job time and runs the optional steps, and takes the next. While the broker is
 * down the consumer loop is stuck reconnecting with exponential backoff (incident A: the worker
 * stays "Up" and processes nothing); on reconnect it drains the backlog. Jobs run on an internal
 * service with one thread per consumer, so their steps behave like any service's steps.
 */
public final class Worker extends Component implements JobQueue.Consumer, Request.Client {

  private static final int RECONNECT = 0;

  private final ModelContext ctx;
  private final WorkerSpec spec;
  private final String name;
  private final Redis broker;
  private final JobQueue queue;
  private final Service exec;
  private final int consumers;
  private int free;
  private boolean connected = true;
  private double reconnectDelay;
  private boolean reconnectPending;

  private final Counter processed;
  private final LatencyRecorder jobLatency;

  public Worker(ModelContext ctx, WorkerSpec spec, Redis broker) {
    this.ctx = ctx;
    this.spec = spec;
    this.name = spec.name();
    this.broker = broker;
    this.queue = broker.jobQueue(spec.queue());
    this.consumers = Math.max(1, spec.consumers());
    this.free = consumers;
    List<StepSpec> steps = new ArrayList<>();
    steps.add(new StepSpec.Work(spec.job()));
    steps.addAll(spec.steps());
    // One instance with a thread per consumer and no queue.
    this.exec =
        new Service(
            ctx,
            new ServiceSpec(name, 1, consumers, 0, ServiceSpec.Balance.ROUND_ROBIN, steps),
            false);
    MetricRegistry m = ctx.metrics();
    processed = m.counter();
    m.gauge(name + ".up", () -> 1.0);
    m.gauge(name + ".queue_depth", queue::size);
    m.rate(name + ".processed_rps", processed);
    jobLatency = m.latency(name + ".job_latency", "_p99");
    m.gauge(name + ".oldest_job_age_s", () -> queue.size() == 0 ? 0 : ctx.now() - queue.oldest());
    m.rate(name + ".enqueue_failures_rps", queue.enqueueFailures());
    m.gauge(name + ".jobs_lost", queue::lost);
    queue.subscribe(this);
  }

  public String name() {
    return name;
  }

  /** The internal service jobs run on (its steps are compiled by the model). */
  public Service executor() {
    return exec;
  }

  @Override
  public void jobsAvailable() {
    if (connected) {
      pull();
    }
  }

  private void pull() {
    while (free > 0 && queue.size() > 0 && broker.up()) {
      double enqueued = broker.pop(queue);
      free--;
      exec.accept(new Request(this, enqueued, 0, -1, null));
    }
  }

  @Override
  public void brokerLost() {
    if (!connected) {
      return;
    }
    connected = false;
    reconnectDelay = spec.reconnect().base();
    ctx.event(name, "disconnected", "broker " + broker.name() + " unreachable; reconnecting");
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    if (!reconnectPending) {
      reconnectPending = true;
      ctx.sim().after(reconnectDelay, this, RECONNECT);
    }
  }

  @Override
  public void handle(int type, int arg, Object payload) {
    reconnectPending = false;
    if (broker.up()) {
      connected = true;
      ctx.event(name, "reconnected", queue.size() + " jobs waiting in " + queue.name());
      pull();
      return;
    }
    BackoffSpec b = spec.reconnect();
    reconnectDelay = Math.min(b.max(), reconnectDelay * 2);
    scheduleReconnect();
  }

  @Override
  public void onResponse(Request r, Outcome outcome) {
    free++;
    processed.inc();
    jobLatency.record(ctx.now() - r.start);
    if (connected) {
      pull();
    }
  }

  /** Checks 0 <= free <= consumers. */
  public void checkInvariants() {
    if (free < 0 || free > consumers) {
      throw new IllegalStateException(name + " free consumers " + free + " of " + consumers);
    }
  }

  @Override
  public String toString() {
    return name
        + " ("
        + consumers
        + " consumers, reconnect up to "
        + Durations.format(spec.reconnect().max())
        + ")";
  }
}
