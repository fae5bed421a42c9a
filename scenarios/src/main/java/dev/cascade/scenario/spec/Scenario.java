package dev.cascade.scenario.spec;

import dev.cascade.model.spec.ModelSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded and validated scenario: its identity, seed and replications, its variants (each with its
 * cases), the sweep grid, the checks and the resolved document. Build one with {@code
 * ScenarioLoader}; run its {@link #cases} with {@code ScenarioRunner}.
 *
 * @param name the {@code scenario} field
 * @param source the file (or built-in resource) it was read from
 * @param seed base seed of every run
 * @param replications independent runs per case
 * @param base the model without any variant applied
 * @param variants in file order; never empty
 * @param sweep swept path to value texts, in file order; empty without a sweep
 * @param resolvedYaml the whole scenario with defaults filled in ({@code scenario.resolved.yaml});
 *     loading it gives the same models
 */
public record Scenario(
    String name,
    String description,
    String source,
    long seed,
    int replications,
    ModelSpec base,
    Map<String, Variant> variants,
    Map<String, List<String>> sweep,
    List<CheckSpec> checks,
    List<WindowSpec> windows,
    String resolvedYaml) {

  public Scenario {
    variants = Collections.unmodifiableMap(new LinkedHashMap<>(variants));
    sweep = Collections.unmodifiableMap(new LinkedHashMap<>(sweep));
    checks = List.copyOf(checks);
    windows = List.copyOf(windows);
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("a scenario has at least one variant");
    }
  }

  /** Names of the variants, in file order. */
  public List<String> variantNames() {
    return List.copyOf(variants.keySet());
  }

  /**
   * The variant named {@code name}.
   *
   * @throws IllegalArgumentException naming the variants there are
   */
  public Variant variant(String name) {
    Variant v = variants.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "no variant \""
              + name
              + "\" in "
              + this.name
              + " (variants: "
              + String.join(", ", variants.keySet())
              + ")");
    }
    return v;
  }

  /**
   * The cases to run for {@code variantNames} (all variants when empty), in that order: each
   * variant alone, or with {@code withSweep} at every point of the sweep grid.
   *
   * @throws IllegalArgumentException for an unknown variant
   */
  public List<Case> cases(List<String> variantNames, boolean withSweep) {
    List<String> names = variantNames.isEmpty() ? variantNames() : variantNames;
    List<Case> out = new ArrayList<>();
    for (String n : names) {
      Variant v = variant(n);
      if (withSweep && !v.sweep().isEmpty()) {
        out.addAll(v.sweep());
      } else {
        out.add(v.base());
      }
    }
    return out;
  }

  /** Every variant without sweep, in file order. */
  public List<Case> cases() {
    return cases(List.of(), false);
  }

  /** The checks that apply to {@code variantName}. */
  public List<CheckSpec> checksFor(String variantName) {
    return checks.stream().filter(c -> c.appliesTo(variantName)).toList();
  }
}
