package dev.cascade.chart;

import java.util.Objects;

/**
 * One line of the back-of-envelope {@code estimate} table (load split, per-node load against
 * capacity, headroom, what happens when a cache or node is lost), already formatted by whoever
 * computed it.
 *
 * @param quantity what is estimated, e.g. {@code db load per node}
 * @param value the estimate with its unit, e.g. {@code 12.5k/s of 50k/s}
 * @param note a remark such as {@code 25% of capacity} or {@code over capacity if redis is lost};
 *     empty when there is none
 */
public record EstimateRow(String quantity, String value, String note) {

  /** Validates the fields; a null note becomes empty. */
  public EstimateRow {
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(value, "value");
    note = note == null ? "" : note;
  }
}
