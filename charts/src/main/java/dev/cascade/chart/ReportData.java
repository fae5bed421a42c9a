package dev.cascade.chart;

import dev.cascade.core.result.Summary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a report is drawn from: result data plus the few facts of the scenario file that a
 * chart needs to be read (what kind each component is, the capacity lines to draw). It holds no
 * model objects, so the command line can fill it from a fresh run or from saved results.
 *
 * <p>Capacity lines are keyed by {@code <component>} or {@code <component>.capacity} (database
 * capacity per node, per second), {@code <redis>.maxmemory} and {@code <redis>.memory_limit}
 * (bytes), {@code <service>.threads} and {@code <service>.queue} (totals over instances), {@code
 * <gateway>.rate_limit} (per second), {@code <workload class>.timeout} (the client timeout, in
 * milliseconds).
 *
 * @param scenario scenario name
 * @param description scenario description, empty when there is none
 * @param scale the scenario's scale factor (1 = full size)
 * @param proportionalPools whether each simulated instance or node carries its share of a real
 *     one's pools ({@code scale_pools: proportional})
 * @param variants variant name to the summary of its replications, in report order
 * @param variantDescriptions variant name to its description (may omit variants)
 * @param checks evaluated checks, in report order
 * @param estimate rows of the {@code estimate} table; empty when not computed
 * @param timelineMarkdown the timeline in words ({@code timeline.md}); empty when there is none
 * @param componentKinds component, breaker or workload class name to its kind: {@code gateway
 *     service redis database worker breaker workload}; names missing here are inferred from their
 *     metrics
 * @param capacityLines capacity lines to draw, keyed as described above
 * @param sweeps one entry per swept parameter; empty without a sweep
 */
public record ReportData(
    String scenario,
    String description,
    double scale,
    boolean proportionalPools,
    Map<String, Summary> variants,
    Map<String, String> variantDescriptions,
    List<CheckRow> checks,
    List<EstimateRow> estimate,
    String timelineMarkdown,
    Map<String, String> componentKinds,
    Map<String, Double> capacityLines,
    List<SweepData> sweeps) {

  /**
   * Validates the fields and copies the collections, keeping their order; null text becomes empty
   * and null collections empty.
   *
   * @throws IllegalArgumentException if the scale is not positive
   */
  public ReportData {
    Objects.requireNonNull(scenario, "scenario");
    description = description == null ? "" : description;
    if (!(scale > 0)) {
      throw new IllegalArgumentException("scale must be positive, got " + scale);
    }
    variants = ordered(variants);
    variantDescriptions = ordered(variantDescriptions);
    checks = checks == null ? List.of() : List.copyOf(checks);
    estimate = estimate == null ? List.of() : List.copyOf(estimate);
    timelineMarkdown = timelineMarkdown == null ? "" : timelineMarkdown;
    componentKinds = ordered(componentKinds);
    capacityLines = ordered(capacityLines);
    sweeps = sweeps == null ? List.of() : List.copyOf(sweeps);
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** A builder for a report of {@code scenario}, with scale 1 and everything else empty. */
  public static Builder builder(String scenario) {
    return new Builder(scenario);
  }

  /** Collects the parts of a {@link ReportData} one at a time. Not thread-safe. */
  public static final class Builder {
    private final String scenario;
    private String description = "";
    private double scale = 1;
    private boolean proportionalPools;
    private final Map<String, Summary> variants = new LinkedHashMap<>();
    private final Map<String, String> variantDescriptions = new LinkedHashMap<>();
    private final List<CheckRow> checks = new ArrayList<>();
    private final List<EstimateRow> estimate = new ArrayList<>();
    private String timeline = "";
    private final Map<String, String> kinds = new LinkedHashMap<>();
    private final Map<String, Double> capacities = new LinkedHashMap<>();
    private final List<SweepData> sweeps = new ArrayList<>();

    private Builder(String scenario) {
      this.scenario = Objects.requireNonNull(scenario, "scenario");
    }

    /** Sets the scenario description. */
    public Builder description(String text) {
      this.description = text;
      return this;
    }

    /** Sets the scale factor. */
    public Builder scale(double factor) {
      this.scale = factor;
      return this;
    }

    /** Sets whether instances and nodes carry their share of pools ({@code scale_pools}). */
    public Builder proportionalPools(boolean proportional) {
      this.proportionalPools = proportional;
      return this;
    }

    /** Adds a variant after the ones added before. */
    public Builder variant(String name, Summary summary) {
      variants.put(name, Objects.requireNonNull(summary, "summary"));
      return this;
    }

    /** Adds a variant with its description. */
    public Builder variant(String name, String variantDescription, Summary summary) {
      variantDescriptions.put(name, variantDescription);
      return variant(name, summary);
    }

    /** Adds a check row. */
    public Builder check(CheckRow row) {
      checks.add(row);
      return this;
    }

    /** Adds a row of the estimate table. */
    public Builder estimate(EstimateRow row) {
      estimate.add(row);
      return this;
    }

    /** Sets the timeline in Markdown. */
    public Builder timeline(String markdown) {
      this.timeline = markdown;
      return this;
    }

    /** Declares the kind of a component, breaker or workload class. */
    public Builder kind(String component, String kind) {
      kinds.put(component, kind);
      return this;
    }

    /** Adds a capacity line (see {@link ReportData} for the keys). */
    public Builder capacity(String key, double value) {
      capacities.put(key, value);
      return this;
    }

    /** Adds the results of sweeping one parameter. */
    public Builder sweep(SweepData sweep) {
      sweeps.add(sweep);
      return this;
    }

    /** The report data collected so far. */
    public ReportData build() {
      return new ReportData(
          scenario,
          description,
          scale,
          proportionalPools,
          variants,
          variantDescriptions,
          checks,
          estimate,
          timeline,
          kinds,
          capacities,
          sweeps);
    }
  }
}
