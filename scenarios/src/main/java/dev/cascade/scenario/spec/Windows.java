package dev.cascade.scenario.spec;

import dev.cascade.core.stats.Window;
import dev.cascade.model.spec.FaultSpec;
import dev.cascade.model.spec.ModelSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The report windows of a run, in report order: {@code before} (warmup to the first scheduled
 * fault), {@code during} and its second name {@code outage} (first fault start to last fault end; a
 * fault without {@code for} ends at the horizon), {@code after} (last fault end to the horizon)
 * when the model has scheduled faults, then {@code all} (warmup to horizon), then the scenario's
 * own windows. Every window is cut to [warmup, horizon]: statistics exclude the warmup.
 */
public final class Windows {

  /** Names of the windows that exist only with scheduled faults. */
  public static final List<String> FAULT_WINDOWS = List.of("before", "during", "outage", "after");

  /** Every built-in window name. */
  public static final List<String> BUILT_IN = List.of("before", "during", "outage", "after", "all");

  private Windows() {}

  /** The windows of a run of {@code model} with the scenario's {@code custom} windows. */
  public static List<Window> resolve(ModelSpec model, List<WindowSpec> custom) {
    double horizon = model.horizon();
    // A loaded model has warmup < horizon; a stand-in bound after a problem (an invalid horizon
    // set by a variant) may not, and its windows must not throw before the problem is reported.
    double warmup = Math.min(model.warmup(), horizon);
    List<Window> out = new ArrayList<>();
    double first = Double.POSITIVE_INFINITY;
    double last = Double.NEGATIVE_INFINITY;
    for (FaultSpec f : model.faults()) {
      if (f.scheduled()) {
        first = Math.min(first, f.at());
        last = Math.max(last, Double.isFinite(f.duration()) ? f.at() + f.duration() : horizon);
      }
    }
    if (first != Double.POSITIVE_INFINITY) {
      double start = clamp(first, warmup, horizon);
      double end = clamp(last, warmup, horizon);
      out.add(new Window("before", warmup, start));
      out.add(new Window("during", start, end));
      out.add(new Window("outage", start, end));
      out.add(new Window("after", end, horizon));
    }
    out.add(new Window("all", warmup, horizon));
    for (WindowSpec w : custom) {
      double from = clamp(w.from(), 0, horizon);
      out.add(new Window(w.name(), from, clamp(w.to(), from, horizon)));
    }
    return List.copyOf(out);
  }

  /** Names of the windows of a run of {@code model}. */
  public static List<String> names(ModelSpec model, List<WindowSpec> custom) {
    return resolve(model, custom).stream().map(Window::name).toList();
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.min(hi, Math.max(lo, x));
  }
}
