package dev.cascade.core.random;

import dev.cascade.core.random.DistributionSpec.Quantity;

/** Parameter checks shared by the {@link DistributionSpec} records. */
final class Checks {
  private Checks() {}

  /** A finite value, and not negative when it is a duration. */
  static void finite(double value, Quantity quantity, String what) {
    if (!Double.isFinite(value) || (quantity == Quantity.DURATION && value < 0)) {
      throw new IllegalArgumentException(
          what + " needs a finite " + (quantity == Quantity.DURATION ? "duration" : "number"));
    }
  }

  static void positive(double value, String message) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(message);
    }
  }
}
