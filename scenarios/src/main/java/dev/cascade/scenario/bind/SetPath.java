package dev.cascade.scenario.bind;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dotted path into a scenario document, with {@code [i]} for list items: {@code
 * app.steps[1].cache_aside.breaker}, {@code workload.redirects.client.retries}, {@code horizon}.
 *
 * @param text the path as written
 * @param steps the keys and indexes it walks, in order
 * @param added how many leading steps were added to the text (a top-level section in front of a
 *     component name), which messages leave out
 */
record SetPath(String text, List<Step> steps, int added) {

  private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_-]+)((?:\\[\\d+\\])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");

  /** A key of a map (index < 0) or an index into a list. */
  record Step(String key, int index) {
    boolean isIndex() {
      return index >= 0;
    }

    @Override
    public String toString() {
      return isIndex() ? "[" + index + "]" : key;
    }
  }

  /**
   * Parses a path.
   *
   * @throws IllegalArgumentException with a message naming the text and an example
   */
  static SetPath parse(String text) {
    List<Step> steps = new ArrayList<>();
    for (String segment : text.split("\\.", -1)) {
      Matcher m = SEGMENT.matcher(segment);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            '"' + text + "\" is not a path (expected e.g. app.steps[1].cache_aside.breaker)");
      }
      steps.add(new Step(m.group(1), -1));
      Matcher i = INDEX.matcher(m.group(2));
      while (i.find()) {
        try {
          steps.add(new Step(null, Integer.parseInt(i.group(1))));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException('"' + text + "\" has an index that is too large");
        }
      }
    }
    return new SetPath(text, List.copyOf(steps), 0);
  }

  /** The same path with {@code prefix} (a top-level key) in front. */
  SetPath under(String prefix) {
    List<Step> out = new ArrayList<>();
    out.add(new Step(prefix, -1));
    out.addAll(steps);
    return new SetPath(text, List.copyOf(out), added + 1);
  }

  /** The first key. */
  String head() {
    return steps.get(0).key();
  }
}
