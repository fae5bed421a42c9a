package dev.cascade.scenario.bind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the problems of one load so that all of them are reported at once. While a variant or
 * sweep point is bound, a context such as {@code variant no-protection} is appended to messages. A
 * problem is kept once: the same message at the same place found again in another context (a
 * variant's bad {@code set} bound again at every sweep point) is dropped. Quoted text longer than
 * {@value #MAX_QUOTED} characters is shortened, so that a pasted megabyte does not fill the
 * terminal.
 */
final class Problems {

  /** Longest quoted text repeated in a message. */
  static final int MAX_QUOTED = 80;

  /** Quoted texts, paired from the left. */
  private static final Pattern QUOTED = Pattern.compile("\"([^\"\n]*)\"");

  private final String mainSource;
  private final Set<Problem> problems = new LinkedHashSet<>();
  private final Set<Problem> seen = new HashSet<>();
  private final Set<String> paths = new HashSet<>();
  private String context = "";

  Problems(String mainSource) {
    this.mainSource = mainSource;
  }

  void add(Position position, String path, String message) {
    String text = shorten(message);
    if (!seen.add(new Problem(position, path, text))) {
      return;
    }
    paths.add(path);
    String suffix = context.isEmpty() ? "" : " (" + context + ")";
    problems.add(new Problem(position, path, text + suffix));
  }

  /** Whether a problem was reported for the field at {@code path}. */
  boolean has(String path) {
    return paths.contains(path);
  }

  /** {@code message} with every long quoted text cut to its first characters and its length. */
  static String shorten(String message) {
    Matcher m = QUOTED.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String quoted = m.group(1);
      String kept =
          quoted.length() <= MAX_QUOTED + 20
              ? m.group()
              : '"'
                  + quoted.substring(0, MAX_QUOTED)
                  + "...\" ("
                  + quoted.length()
                  + " characters)";
      m.appendReplacement(out, Matcher.quoteReplacement(kept));
    }
    m.appendTail(out);
    return out.toString();
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
