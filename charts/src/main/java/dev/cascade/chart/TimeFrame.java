package dev.cascade.chart;

import dev.cascade.core.result.Summary;
import dev.cascade.core.stats.Window;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The time context of a time-series chart: the horizon, the fault window to shade, the warmup to
 * grey out and the event markers to draw.
 *
 * @param horizonSeconds end of the time axis
 * @param faultWindow the {@code during} (or {@code outage}) window, if the scenario has faults
 * @param warmupSeconds end of the warmup (start of window {@code all}); 0 without warmup
 * @param marks event markers, in time order
 */
record TimeFrame(
    double horizonSeconds,
    Optional<Window> faultWindow,
    double warmupSeconds,
    List<EventMark> marks) {

  /** Names under which the fault window appears, in order of preference. */
  static final List<String> FAULT_WINDOW_NAMES = List.of("during", "outage");

  /** The frame of {@code summary}'s run, marking the events selected for {@code focus}. */
  static TimeFrame of(Summary summary, Set<String> focus) {
    double[] ends = summary.intervalEnds();
    double horizon = ends.length == 0 ? 0 : ends[ends.length - 1];
    return new TimeFrame(
        horizon,
        faultWindow(summary.windows()),
        warmup(summary.windows()),
        EventMarks.select(summary.events(), focus, horizon));
  }

  /** The same frame with other markers. */
  TimeFrame withMarks(List<EventMark> newMarks) {
    return new TimeFrame(horizonSeconds, faultWindow, warmupSeconds, newMarks);
  }

  /** The first window named {@code during} or {@code outage}. */
  static Optional<Window> faultWindow(List<Window> windows) {
    for (String name : FAULT_WINDOW_NAMES) {
      for (Window w : windows) {
        if (w.name().equals(name)) {
          return Optional.of(w);
        }
      }
    }
    return Optional.empty();
  }

  private static double warmup(List<Window> windows) {
    return windows.stream()
        .filter(w -> w.name().equals("all"))
        .mapToDouble(Window::fromSeconds)
        .findFirst()
        .orElse(0);
  }

  /** Subtitle text for the shading: {@code red: fault window during 5m–25m · grey: warmup}. */
  String shadingNote() {
    StringBuilder note = new StringBuilder();
    faultWindow.ifPresent(w -> note.append("red: fault window ").append(Wording.window(w)));
    if (warmupSeconds > 0) {
      if (note.length() > 0) {
        note.append(" · ");
      }
      note.append("grey: warmup");
    }
    return note.toString();
  }
}
