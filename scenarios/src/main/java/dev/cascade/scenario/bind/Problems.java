package dev.cascade.scenario.bind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the problems of one load so that all of them are reported at once. While a variant or
 * sweep point is bound, a context such as {@code variant no-protection} is appended to messages.
 * Identical problems are kept once.
 */
final class Problems {

  private final String mainSource;
  private final Set<Problem> problems = new LinkedHashSet<>();
  private String context = "";

  Problems(String mainSource) {
    this.mainSource = mainSource;
  }

  void add(Position position, String path, String message) {
    String suffix = context.isEmpty() ? "" : " (" + context + ")";
    problems.add(new Problem(position, path, message + suffix));
  }

  /** Sets the context appended to later messages; empty for none. */
  void context(String newContext) {
    this.context = newContext;
  }

  int size() {
    return problems.size();
  }

  boolean any() {
    return !problems.isEmpty();
  }

  /** Problems of the main file in line and column order, then those of options in given order. */
  List<Problem> sorted() {
    List<Problem> out = new ArrayList<>(problems);
    out.sort(
        Comparator.comparing((Problem p) -> !p.position().source().equals(mainSource))
            .thenComparing(p -> p.position().source().equals(mainSource) ? p.position().line() : 0)
            .thenComparing(
                p -> p.position().source().equals(mainSource) ? p.position().column() : 0));
    return out;
  }

  /** Throws a {@link ScenarioException} with every problem so far, if there is any. */
  void throwIfAny() {
    if (any()) {
      throw new ScenarioException(sorted());
    }
  }
}
