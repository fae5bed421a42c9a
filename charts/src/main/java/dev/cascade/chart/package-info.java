/**
 * Charts (PNG, SVG) and the self-contained HTML report, drawn from result data only.
 *
 * <p>The input is a {@link dev.cascade.chart.ReportData}: the {@link
 * dev.cascade.core.result.Summary} of every variant, the checks, the {@code estimate} table, the
 * timeline and a few facts from the scenario file (component kinds, capacity lines, sweeps). {@link
 * dev.cascade.chart.ChartSet} decides which charts apply from metric names and component kinds and
 * renders them with JFreeChart (PNG) and JFreeSVG (SVG); {@link dev.cascade.chart.HtmlReport}
 * writes {@code report.html} with every chart inlined. Nothing here refers to model objects, so a
 * report can be redrawn from saved results.
 */
package dev.cascade.chart;
