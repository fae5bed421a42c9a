package dev.cascade.scenario.spec;

import dev.cascade.core.stats.Window;
import dev.cascade.model.spec.ModelSpec;
import java.util.List;

/**
 * One configuration to simulate: a variant at a sweep point (or at no point), with its bound model
 * and report windows. Its replications share random streams with every other case (common random
 * numbers).
 *
 * @param label the name in reports: the variant, plus {@code [point]} at a sweep point
 */
public record Case(
    String label, String variant, SweepPoint point, ModelSpec model, List<Window> windows) {

  public Case {
    windows = List.copyOf(windows);
  }

  /** The case of {@code variant} at {@code point}, labelled {@code variant[point]}. */
  public static Case of(String variant, SweepPoint point, ModelSpec model, List<Window> windows) {
    String label = point.isEmpty() ? variant : variant + "[" + point.label() + "]";
    return new Case(label, variant, point, model, windows);
  }
}
