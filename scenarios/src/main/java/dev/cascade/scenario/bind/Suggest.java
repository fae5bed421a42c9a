package dev.cascade.scenario.bind;

import java.util.Collection;

/** "Did you mean" suggestions: the known name closest to a misspelt one by edit distance. */
public final class Suggest {

  private Suggest() {}

  /**
   * The name in {@code known} closest to {@code wrong}, or null when none is close: at most two
   * edits, and fewer than half the length of the word.
   */
  public static String closest(String wrong, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = distance(wrong, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    int limit = Math.min(2, Math.max(1, wrong.length() / 2));
    return bestDistance <= limit ? best : null;
  }

  /** {@code (did you mean "x"?)} or {@code (expected one of a, b, c)}. */
  static String hint(String wrong, Collection<String> known) {
    String close = closest(wrong, known);
    if (close != null) {
      return "(did you mean \"" + close + "\"?)";
    }
    return known.isEmpty()
        ? "(nothing is expected here)"
        : "(expected one of " + String.join(", ", known) + ")";
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
