package dev.cascade.chart;

import dev.cascade.core.result.SimEvent;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the event markers of a time-series chart so that they stay readable: events closer
 * together than 1/300 of the horizon merge into one marker ("redis crashed +2"), at most {@value
 * #MAX_LABELLED} markers carry a label and at most {@value #MAX_LINES} are drawn at all. Failures
 * outrank protections (breaker open, shedding), which outrank recoveries; events of the chart's own
 * components outrank everything else.
 */
final class EventMarks {

  /** Labelled markers per chart. */
  static final int MAX_LABELLED = 12;

  /** Markers per chart, labelled or not. */
  static final int MAX_LINES = 30;

  /** Rows of marker labels below the top of the plot. */
  static final int LABEL_ROWS = 5;

  private static final double CHAR_WIDTH_PX = 5.6;
  private static final int MAX_LABEL_CHARS = 28;
  private static final double MERGE_FRACTION = 1.0 / 300;

  private enum Category {
    OTHER(Palette.EVENT_OTHER),
    RECOVERY(Palette.EVENT_RECOVERY),
    PROTECTION(Palette.EVENT_PROTECTION),
    FAILURE(Palette.EVENT_FAILURE);

    final Color color;

    Category(Color color) {
      this.color = color;
    }
  }

  private static final Map<String, String> SHORT =
      Map.ofEntries(
          Map.entry("fault_injected", "fault"),
          Map.entry("fault_cleared", "fault cleared"),
          Map.entry("oom_killed", "OOM-killed"),
          Map.entry("data_lost", "data lost"),
          Map.entry("failover_started", "failover"),
          Map.entry("opened", "open"),
          Map.entry("half_opened", "half-open"),
          Map.entry("shedding_started", "shedding"),
          Map.entry("shedding_stopped", "shedding off"),
          Map.entry("alert_fired", "alert"),
          Map.entry("alert_resolved", "alert resolved"),
          Map.entry("remediation_attempted", "remediation"));

  private static final Set<String> FAILURES =
      Set.of(
          "fault_injected",
          "crashed",
          "oom_killed",
          "hung",
          "data_lost",
          "pool_exhausted",
          "queue_full",
          "remediation_failed",
          "escalated");
  private static final Set<String> PROTECTIONS =
      Set.of("opened", "half_opened", "shedding_started", "alert_fired", "failover_started");
  private static final Set<String> RECOVERIES =
      Set.of(
          "fault_cleared",
          "restarted",
          "recovered",
          "promoted",
          "closed",
          "shedding_stopped",
          "alert_resolved",
          "scaled_out");

  private EventMarks() {}

  /**
   * The markers for {@code events} on a chart of {@code [0, horizonSeconds]}, in time order.
   *
   * @param focus components the chart is about; their events rank first
   */
  static List<EventMark> select(List<SimEvent> events, Set<String> focus, double horizonSeconds) {
    double tolerance = Math.max(horizonSeconds * MERGE_FRACTION, 1e-9);
    List<SimEvent> sorted =
        events.stream()
            .filter(e -> e.timeSeconds() >= 0 && e.timeSeconds() <= horizonSeconds)
            .sorted(Comparator.comparingDouble(SimEvent::timeSeconds))
            .toList();
    List<Group> groups = new ArrayList<>();
    Group current = null;
    for (SimEvent e : sorted) {
      if (current == null || e.timeSeconds() - current.start > tolerance) {
        current = new Group(e.timeSeconds());
        groups.add(current);
      }
      current.add(e, score(e, focus));
    }
    List<Group> ranked =
        groups.stream().sorted(Comparator.comparingInt((Group g) -> -g.bestScore)).toList();
    Set<Group> labelled = labelled(ranked);
    List<EventMark> marks = new ArrayList<>();
    labelled.forEach(g -> marks.add(g.mark(true)));
    for (Group g : ranked) {
      if (marks.size() < MAX_LINES && !labelled.contains(g)) {
        marks.add(g.mark(false));
      }
    }
    marks.sort(Comparator.comparingDouble(EventMark::timeSeconds));
    return marks;
  }

  /**
   * The groups that get a label: first the best group of each distinct (component, event), so that
   * sixty flaps of one alert do not crowd out the crash, then the best of the rest.
   */
  private static Set<Group> labelled(List<Group> ranked) {
    Set<Group> chosen = new LinkedHashSet<>();
    Set<String> keys = new HashSet<>();
    for (Group g : ranked) {
      if (chosen.size() < MAX_LABELLED
          && keys.add(g.best.component() + "\u0000" + g.best.event())) {
        chosen.add(g);
      }
    }
    for (Group g : ranked) {
      if (chosen.size() < MAX_LABELLED) {
        chosen.add(g);
      }
    }
    return chosen;
  }

  /**
   * The text row (0 = top) of each labelled marker, so that labels of nearby markers do not
   * overlap: each label goes to the highest row whose last label ends left of it, estimating
   * {@value #CHAR_WIDTH_PX} px per character on a plot {@code plotWidthPx} wide. Unlabelled
   * markers, and labelled ones for which no row has room left, get -1 (drawn without a label).
   */
  static int[] rows(List<EventMark> marks, double horizonSeconds, double plotWidthPx) {
    int[] rows = new int[marks.size()];
    double[] rowEnd = new double[LABEL_ROWS];
    Arrays.fill(rowEnd, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < marks.size(); i++) {
      EventMark m = marks.get(i);
      if (!m.labelled()) {
        rows[i] = -1;
        continue;
      }
      double x = horizonSeconds > 0 ? m.timeSeconds() / horizonSeconds * plotWidthPx : 0;
      rows[i] = -1;
      for (int r = 0; r < LABEL_ROWS; r++) {
        if (rowEnd[r] < x) {
          rows[i] = r;
          rowEnd[r] = x + labelWidthPx(m.label());
          break;
        }
      }
    }
    return rows;
  }

  /** Estimated width of a marker label in pixels, padding included. */
  static double labelWidthPx(String label) {
    return label.length() * CHAR_WIDTH_PX + 8;
  }

  /** A short label for one event: {@code redis crashed}, {@code redis-cb open}. */
  static String label(SimEvent e) {
    String text = e.component() + " " + SHORT.getOrDefault(e.event(), e.event().replace('_', ' '));
    return text.length() <= MAX_LABEL_CHARS ? text : text.substring(0, MAX_LABEL_CHARS - 1) + "…";
  }

  private static Category category(String event) {
    if (FAILURES.contains(event)) {
      return Category.FAILURE;
    }
    if (PROTECTIONS.contains(event)) {
      return Category.PROTECTION;
    }
    return RECOVERIES.contains(event) ? Category.RECOVERY : Category.OTHER;
  }

  private static int score(SimEvent e, Set<String> focus) {
    // The fault events name the cause; what the component did (crashed, hung) says more.
    boolean faultBookkeeping = e.event().startsWith("fault_");
    return (focus.contains(e.component()) ? 10 : 0)
        + 2 * category(e.event()).ordinal()
        + (faultBookkeeping ? 0 : 1);
  }

  /** Events merged into one marker; the best-scoring one names it. */
  private static final class Group {
    final double start;
    SimEvent best;
    int bestScore = Integer.MIN_VALUE;
    int count;

    Group(double start) {
      this.start = start;
    }

    void add(SimEvent e, int score) {
      count++;
      if (score > bestScore) {
        best = e;
        bestScore = score;
      }
    }

    EventMark mark(boolean labelled) {
      String text = label(best) + (count > 1 ? " +" + (count - 1) : "");
      return new EventMark(start, text, category(best.event()).color, labelled, count);
    }
  }
}
