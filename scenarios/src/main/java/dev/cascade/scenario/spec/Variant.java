package dev.cascade.scenario.spec;

import dev.cascade.model.spec.ModelSpec;
import java.util.List;

/**
 * One architecture to compare: the scenario with a variant's {@code set} and {@code add} applied (a
 * scenario without variants has one, {@code baseline}).
 *
 * @param resolvedYaml the variant as a stand-alone scenario with every default written out ({@code
 *     cascade show --variant}); loading it gives {@link #base()}'s model again
 * @param base the variant's case without sweep
 * @param sweep its cases at every point of the sweep grid, in grid order; empty without a sweep
 */
public record Variant(
    String name, String description, String resolvedYaml, Case base, List<Case> sweep) {

  public Variant {
    sweep = List.copyOf(sweep);
  }

  /** The variant's model without sweep. */
  public ModelSpec model() {
    return base.model();
  }
}
