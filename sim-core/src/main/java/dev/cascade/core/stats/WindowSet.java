package dev.cascade.core.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The report windows of a run, folded into distinct spans: windows with the same bounds (such as
 * {@code during} and its alias {@code outage}) share one span, so their accumulators and merged
 * histograms exist once.
 */
final class WindowSet {

  private final List<Window> windows;
  private final int[] spanOfWindow;
  private final double[] spanFrom;
  private final double[] spanTo;

  WindowSet(List<Window> windows) {
    Objects.requireNonNull(windows, "windows");
    this.windows = List.copyOf(windows);
    Set<String> names = new HashSet<>();
    List<Window> spans = new ArrayList<>();
    spanOfWindow = new int[this.windows.size()];
    for (int i = 0; i < this.windows.size(); i++) {
      Window w = this.windows.get(i);
      if (!names.add(w.name())) {
        throw new IllegalArgumentException("duplicate window name: " + w.name());
      }
      spanOfWindow[i] = spanIndex(spans, w);
    }
    spanFrom = new double[spans.size()];
    spanTo = new double[spans.size()];
    for (int s = 0; s < spans.size(); s++) {
      spanFrom[s] = spans.get(s).fromSeconds();
      spanTo[s] = spans.get(s).toSeconds();
    }
  }

  private static int spanIndex(List<Window> spans, Window w) {
    for (int s = 0; s < spans.size(); s++) {
      Window other = spans.get(s);
      if (other.fromSeconds() == w.fromSeconds() && other.toSeconds() == w.toSeconds()) {
        return s;
      }
    }
    spans.add(w);
    return spans.size() - 1;
  }

  List<Window> windows() {
    return windows;
  }

  int spanCount() {
    return spanFrom.length;
  }

  int spanOf(int window) {
    return spanOfWindow[window];
  }

  boolean contains(int span, double t) {
    return t >= spanFrom[span] && t < spanTo[span];
  }

  /** Writes the spans containing {@code t} into {@code out} and returns how many there are. */
  int spansContaining(double t, int[] out) {
    int n = 0;
    for (int s = 0; s < spanFrom.length; s++) {
      if (contains(s, t)) {
        out[n++] = s;
      }
    }
    return n;
  }
}
