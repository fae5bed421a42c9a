package dev.cascade.scenario.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One point of a sweep grid: a value for each swept path, e.g. {@code db.nodes=8,
 * redis-cb.open_for=5s}. The empty point stands for "no sweep".
 */
public record SweepPoint(List<Setting> settings) {

  /** No sweep. */
  public static final SweepPoint NONE = new SweepPoint(List.of());

  public SweepPoint {
    settings = List.copyOf(settings);
  }

  /** A path and the value text set at it. */
  public record Setting(String path, String value) {}

  /** Whether this is {@link #NONE}. */
  public boolean isEmpty() {
    return settings.isEmpty();
  }

  /** {@code db.nodes=8,redis-cb.open_for=5s}; empty for {@link #NONE}. */
  public String label() {
    return settings.stream().map(s -> s.path() + "=" + s.value()).collect(Collectors.joining(","));
  }
}
