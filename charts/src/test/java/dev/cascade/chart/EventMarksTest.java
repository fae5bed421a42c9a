package dev.cascade.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.core.result.SimEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventMarksTest {

  @Test
  void simultaneousEvents_select_mergeIntoOneMarker() {
    List<SimEvent> events =
        List.of(
            new SimEvent(300, "redis", "fault_injected", "crash"),
            new SimEvent(300, "redis", "crashed", ""),
            new SimEvent(301, "emails", "queue_full", ""));
    List<EventMark> marks = EventMarks.select(events, Set.of(), 1800);
    assertThat(marks).hasSize(1);
    assertThat(marks.get(0).merged()).isEqualTo(3);
    assertThat(marks.get(0).label()).isEqualTo("redis crashed +2");
    assertThat(marks.get(0).color()).isEqualTo(Palette.EVENT_FAILURE);
  }

  @Test
  void manyEvents_select_atMostTwelveLabelledAndThirtyDrawn() {
    List<SimEvent> events = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      events.add(
          new SimEvent(i * 9.0, "web-5xx", i % 2 == 0 ? "alert_fired" : "alert_resolved", ""));
    }
    List<EventMark> marks = EventMarks.select(events, Set.of(), 1800);
    assertThat(marks).hasSize(EventMarks.MAX_LINES);
    assertThat(marks.stream().filter(EventMark::labelled)).hasSize(EventMarks.MAX_LABELLED);
    assertThat(marks)
        .isSortedAccordingTo((a, b) -> Double.compare(a.timeSeconds(), b.timeSeconds()));
  }

  @Test
  void alertFlapsAndOneRecovery_select_recoveryStillLabelled() {
    List<SimEvent> events = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      events.add(new SimEvent(900 + i * 7.0, "web-5xx", "alert_fired", ""));
    }
    events.add(new SimEvent(1500, "redis", "restarted", ""));
    List<EventMark> marks = EventMarks.select(events, Set.of(), 1800);
    assertThat(marks)
        .filteredOn(EventMark::labelled)
        .extracting(EventMark::label)
        .contains("redis restarted");
  }

  @Test
  void focusComponent_select_ranksItsEventsFirst() {
    List<SimEvent> events = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      events.add(new SimEvent(10 + i * 60.0, "db", "crashed", ""));
    }
    events.add(new SimEvent(1500, "worker", "remediation_attempted", ""));
    List<EventMark> marks = EventMarks.select(events, Set.of("worker"), 1800);
    assertThat(marks)
        .filteredOn(EventMark::labelled)
        .extracting(EventMark::label)
        .contains("worker remediation");
  }

  @Test
  void eventsOutsideTheHorizon_select_dropped() {
    List<EventMark> marks =
        EventMarks.select(List.of(new SimEvent(2000, "redis", "crashed", "")), Set.of(), 1800);
    assertThat(marks).isEmpty();
  }

  @Test
  void longLabel_label_truncated() {
    String label =
        EventMarks.label(new SimEvent(1, "a-very-long-component-name", "remediation_failed", ""));
    assertThat(label).hasSizeLessThanOrEqualTo(28).endsWith("…");
  }

  @Test
  void nearbyLabels_rows_neverOverlapWithinARow() {
    List<EventMark> marks = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      marks.add(new EventMark(300 + i * 10.0, "redis-cb open +" + i, Palette.EVENT_OTHER, true, 1));
    }
    int[] rows = EventMarks.rows(marks, 1800, 900);
    for (int i = 0; i < marks.size(); i++) {
      for (int j = i + 1; j < marks.size(); j++) {
        if (rows[i] >= 0 && rows[i] == rows[j]) {
          double xi = marks.get(i).timeSeconds() / 1800 * 900;
          double xj = marks.get(j).timeSeconds() / 1800 * 900;
          assertThat(xj).isGreaterThan(xi + EventMarks.labelWidthPx(marks.get(i).label()));
        }
      }
    }
    assertThat(rows).contains(0, 1, 2, 3, 4).contains(-1);
  }
}
