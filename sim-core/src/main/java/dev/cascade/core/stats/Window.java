package dev.cascade.core.stats;

import java.util.Objects;

/**
 * A named report window {@code [fromSeconds, toSeconds)} of simulated time, such as {@code all}
 * (warmup to horizon), {@code before}, {@code during} or a user's {@code recovery} window. A sample
 * interval belongs to a window when its midpoint lies inside it.
 *
 * @param name window name as it appears in reports and checks
 * @param fromSeconds inclusive start in simulated seconds
 * @param toSeconds exclusive end in simulated seconds, not before {@code fromSeconds}
 */
public record Window(String name, double fromSeconds, double toSeconds) {

  /** Validates the name and the bounds. */
  public Window {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("window name must not be blank");
    }
    if (!(fromSeconds <= toSeconds)) {
      throw new IllegalArgumentException(
          "window "
              + name
              + ": from "
              + fromSeconds
              + " s must not be after to "
              + toSeconds
              + " s");
    }
  }

  /** Whether simulated time {@code t} lies in {@code [fromSeconds, toSeconds)}. */
  public boolean contains(double t) {
    return t >= fromSeconds && t < toSeconds;
  }

  /** Length of the window in seconds. */
  public double durationSeconds() {
    return toSeconds - fromSeconds;
  }
}
