package dev.cascade.chart;

import java.awt.Color;

/**
 * A vertical marker on a time-series chart: one event of the timeline, or several that happened at
 * (nearly) the same time merged into one.
 *
 * @param timeSeconds simulated time of the (first) event
 * @param label short text such as {@code redis crashed +2}; drawn only when {@code labelled}
 * @param color colour of the event's category
 * @param labelled whether the label is drawn (at most {@link EventMarks#MAX_LABELLED} per chart)
 * @param merged number of events this marker stands for
 */
record EventMark(double timeSeconds, String label, Color color, boolean labelled, int merged) {}
