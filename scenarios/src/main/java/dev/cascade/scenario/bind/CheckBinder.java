package dev.cascade.scenario.bind;

import dev.cascade.core.result.WindowStats;
import dev.cascade.model.spec.ModelSpec;
import dev.cascade.scenario.spec.CheckSpec;
import dev.cascade.scenario.spec.WindowSpec;
import dev.cascade.scenario.spec.Windows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds the {@code checks} list and, once the variants are bound, checks that each names a known
 * variant, a window the variant's runs have, a statistic, and a metric the variant's model
 * publishes.
 */
final class CheckBinder {

  /** A bound check with the reader it came from, for positions and the resolved output. */
  record Bound(CheckSpec spec, MapReader reader) {}

  private CheckBinder() {}

  static List<Bound> bind(MapReader root) {
    List<Bound> out = new ArrayList<>();
    for (MapReader c : root.maps("checks")) {
      String metric = c.get("metric", null, Kind.TEXT);
      String window = c.get("window", Defaults.CHECK_WINDOW, Kind.TEXT);
      String stat = c.get("stat", Defaults.CHECK_STAT, Kind.TEXT);
      if (!stat.isEmpty() && !WindowStats.NAMES.contains(stat)) {
        c.problem(
            "stat", '"' + stat + "\" is not a statistic " + Suggest.hint(stat, WindowStats.NAMES));
      }
      Kind<Double> bound = new Kind<>(t -> Thresholds.parse(metric, t), Double.NaN);
      boolean hasMax = c.has("max");
      boolean hasMin = c.has("min");
      double max = hasMax ? c.get("max", null, bound) : Double.NaN;
      double min = hasMin ? c.get("min", null, bound) : Double.NaN;
      c.skip("max", "min");
      if (!hasMax && !hasMin) {
        c.problem("give a bound: max, min or both");
      }
      if (hasMax && hasMin && min > max) {
        c.invalid("min", "at most max");
      }
      String variant = c.getOrNone("variant", Defaults.CHECK_VARIANT, Kind.TEXT, null);
      String text =
          (hasMin ? "min " + written(c, "min") : "")
              + (hasMin && hasMax ? " " : "")
              + (hasMax ? "max " + written(c, "max") : "");
      out.add(new Bound(new CheckSpec(metric, window, stat, min, max, text, variant), c));
    }
    return out;
  }

  private static String written(MapReader c, String key) {
    return c.out().get(key) instanceof Node.Scalar s ? s.text() : "";
  }

  /** Checks the names in every check against the bound variants. */
  static void validate(
      List<Bound> checks,
      Map<String, ModelSpec> variants,
      List<WindowSpec> windows,
      Problems problems) {
    for (Bound b : checks) {
      CheckSpec c = b.spec();
      MapReader r = b.reader();
      if (c.variant() != null && !variants.containsKey(c.variant())) {
        r.problem(
            "variant",
            "unknown variant \""
                + c.variant()
                + "\" "
                + Suggest.hint(c.variant(), variants.keySet()));
        continue;
      }
      for (Map.Entry<String, ModelSpec> v : variants.entrySet()) {
        if (!c.appliesTo(v.getKey())) {
          continue;
        }
        String in = variants.size() > 1 ? " in variant " + v.getKey() : "";
        String why =
            c.metric().isEmpty() ? null : ReferenceChecker.metricProblem(v.getValue(), c.metric());
        if (why != null) {
          r.problem("metric", why + in);
        }
        List<String> names = Windows.names(v.getValue(), windows);
        if (!names.contains(c.window())) {
          String note =
              Windows.FAULT_WINDOWS.contains(c.window()) ? ", which needs a scheduled fault" : "";
          r.problem(
              "window",
              "unknown window \""
                  + c.window()
                  + "\""
                  + in
                  + note
                  + " "
                  + Suggest.hint(c.window(), names));
        }
      }
    }
  }
}
