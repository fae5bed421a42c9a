package dev.cascade.scenario.bind;

import java.util.List;

/**
 * Changes a command line makes to a scenario as it is loaded. The common options map onto sets:
 * {@code --seed N} is {@code seed=N}, {@code --replications N} is {@code replications=N}, {@code
 * --horizon D} is {@code horizon=D}, {@code --scale F} is {@code scale=F}. A problem in an option
 * is positioned {@code --set:N:C}: the N-th option, column C of its text.
 *
 * @param sets {@code PATH=VALUE} overrides ({@code --set}), applied to the document in order before
 *     anything is bound; same paths as variants, plus the scenario-level keys ({@code seed}, {@code
 *     replications}, ...); VALUE is YAML ({@code none}, {@code 8}, {@code {rate: 1k/s}}); an empty
 *     VALUE means none
 * @param params {@code PATH=V1,V2,...} sweep parameters ({@code --param}); when any is given they
 *     replace the scenario's {@code sweep}
 * @param variants the variants a command will use ({@code --variant}); empty for all. Every variant
 *     is still bound, but a problem confined to a variant outside this list (an override it cannot
 *     take, say) leaves that variant out instead of failing the load. A name the file does not
 *     declare is a problem positioned {@code --variant:N:1} (the N-th name).
 */
public record LoadOptions(List<String> sets, List<String> params, List<String> variants) {

  /** No changes. */
  public static final LoadOptions NONE = new LoadOptions(List.of(), List.of());

  public LoadOptions {
    sets = List.copyOf(sets);
    params = List.copyOf(params);
    variants = List.copyOf(variants);
  }

  /** Overrides and sweep parameters, for every variant. */
  public LoadOptions(List<String> sets, List<String> params) {
    this(sets, params, List.of());
  }

  /** Options with {@code PATH=VALUE} overrides only. */
  public static LoadOptions sets(String... sets) {
    return new LoadOptions(List.of(sets), List.of());
  }

  /** These options plus the sweep parameters {@code PATH=V1,V2,...}. */
  public LoadOptions withParams(List<String> sweepParams) {
    return new LoadOptions(sets, sweepParams, variants);
  }
}
