package dev.cascade.model.database;

import dev.cascade.core.event.Component;
import dev.cascade.core.unit.Durations;
import dev.cascade.model.ModelContext;
import dev.cascade.model.spec.DatabaseSpec;
import java.util.function.DoubleSupplier;

/**
 * Read-replica autoscaling: when its condition has held for {@code for}, it orders {@code add}
 * nodes, which join {@code delay} later (provisioning, WAL catch-up, health checks: minutes, as
 * incident E's trap says), up to {@code max}. It checks once per metrics interval and orders again
 * only after the previous order has landed and the condition has held for {@code for} anew.
 */
public final class Autoscaler extends Component {

  private static final int CHECK = 0;
  private static final int LANDED = 1;

  private final ModelContext ctx;
  private final Database db;
  private final DatabaseSpec.AutoscaleSpec spec;
  private final DoubleSupplier signal;
  private final int add;
  private final int max;
  private double holdingSince = Double.NaN;
  private boolean ordered;

  public Autoscaler(ModelContext ctx, Database db, DoubleSupplier signal) {
    this.ctx = ctx;
    this.db = db;
    this.spec = db.spec().autoscale();
    this.signal = signal;
    this.add = Math.max(1, spec.add());
    this.max = Math.max(1, spec.max());
  }

  public void start() {
    ctx.sim().after(ctx.spec().sample(), this, CHECK);
  }

  @Override
  public void handle(int type, int arg, Object payload) {
    if (type == LANDED) {
      int n = db.addNodes(arg);
      ordered = false;
      holdingSince = Double.NaN;
      ctx.event(
          db.name(),
          "scaled_out",
          "+" + arg + " node(s) ready, " + n + " in all" + ctx.spec().unitNote(db.name(), "node"));
      return;
    }
    ctx.sim().after(ctx.spec().sample(), this, CHECK);
    if (ordered) {
      return;
    }
    if (!spec.when().test(signal.getAsDouble())) {
      holdingSince = Double.NaN;
      return;
    }
    double now = ctx.now();
    if (Double.isNaN(holdingSince)) {
      holdingSince = now;
    }
    int room = max - db.nodeCount();
    if (now - holdingSince >= spec.forSeconds() && room > 0) {
      ordered = true;
      int n = Math.min(add, room);
      ctx.event(
          db.name(),
          "scaling_ordered",
          spec.when()
              + " for "
              + Durations.format(spec.forSeconds())
              + ": +"
              + n
              + " node(s) in "
              + Durations.format(spec.delay()));
      ctx.sim().after(spec.delay(), this, LANDED, n, null);
    }
  }
}
