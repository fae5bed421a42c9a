package dev.cascade.scenario.output;

import dev.cascade.core.result.RunResult;
import dev.cascade.core.result.SimEvent;
import dev.cascade.core.result.WindowStats;
import dev.cascade.core.stats.Window;
import dev.cascade.scenario.spec.SweepPoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run of a sharded sweep as lossless JSON: its identity (index in the canonical order, case
 * label, variant, sweep point, replication) and the whole {@link RunResult} (sample length,
 * interval ends, every series, every window's statistics, the events and the engine's event count).
 * Doubles are written with {@link Double#toString} (NaN and infinities as the strings {@code
 * "NaN"}, {@code "Infinity"}, {@code "-Infinity"}) and read with {@link Double#parseDouble}, so
 * every value reads back bit for bit. Reading streams, so a long run's series is never held twice.
 */
public final class RunResultJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * A run with its place in the sweep.
   *
   * @param index position in the canonical order: case index times replications plus replication
   * @param label the case label ({@code variant[path=value]})
   * @param replication 0-based replication index (the one the run's random streams derive from)
   */
  public record Run(
      int index,
      String label,
      String variant,
      SweepPoint point,
      int replication,
      RunResult result) {}

  private RunResultJson() {}

  /** Writes {@code run} to {@code out}, and closes it. */
  public static void write(Run run, OutputStream out) {
    RunResult r = run.result();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberProperty("run", run.index());
      g.writeStringProperty("case", run.label());
      g.writeStringProperty("variant", run.variant());
      g.writeName("sweep");
      g.writeStartObject();
      for (SweepPoint.Setting s : run.point().settings()) {
        g.writeStringProperty(s.path(), s.value());
      }
      g.writeEndObject();
      g.writeNumberProperty("replication", run.replication());
      number(g, "sample_s", r.sampleSeconds());
      g.writeName("interval_ends");
      array(g, r.intervalEnds());
      g.writeName("windows");
      g.writeStartArray();
      for (Window w : r.windows()) {
        g.writeStartObject();
        g.writeStringProperty("name", w.name());
        number(g, "from_s", w.fromSeconds());
        number(g, "to_s", w.toSeconds());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeName("series");
      g.writeStartObject();
      for (Map.Entry<String, double[]> e : r.series().entrySet()) {
        g.writeName(e.getKey());
        array(g, e.getValue());
      }
      g.writeEndObject();
      g.writeName("stats");
      g.writeStartObject();
      for (var metric : r.stats().entrySet()) {
        g.writeName(metric.getKey());
        g.writeStartObject();
        for (var window : metric.getValue().entrySet()) {
          WindowStats s = window.getValue();
          g.writeName(window.getKey());
          g.writeStartObject();
          number(g, "mean", s.mean());
          number(g, "max", s.max());
          number(g, "min", s.min());
          number(g, "final", s.fin());
          number(g, "value", s.value());
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeName("events");
      g.writeStartArray();
      for (SimEvent e : r.events()) {
        g.writeStartObject();
        number(g, "t_s", e.timeSeconds());
        g.writeStringProperty("component", e.component());
        g.writeStringProperty("event", e.event());
        g.writeStringProperty("detail", e.detail());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberProperty("events_processed", r.eventsProcessed());
      g.writeEndObject();
    }
  }

  /**
   * Reads a run written by {@link #write}.
   *
   * @param source names the input in messages
   * @throws IOException naming {@code source} when the input is not such a run
   */
  public static Run read(InputStream in, String source) throws IOException {
    try (JsonParser p = JSON.createParser(in)) {
      return new Reader(p, source).run();
    } catch (JacksonException | IllegalArgumentException e) {
      throw new IOException(source + ": not a cascade run result: " + e.getMessage(), e);
    }
  }

  private static void number(JsonGenerator g, String name, double v) {
    g.writeName(name);
    value(g, v);
  }

  private static void value(JsonGenerator g, double v) {
    if (Double.isFinite(v)) {
      g.writeNumber(Double.toString(v));
    } else {
      g.writeString(Double.toString(v));
    }
  }

  private static void array(JsonGenerator g, double[] values) {
    g.writeStartArray();
    for (double v : values) {
      value(g, v);
    }
    g.writeEndArray();
  }

  /** A streaming reader of one run. */
  private static final class Reader {
    private final JsonParser p;
    private final String source;

    Reader(JsonParser p, String source) {
      this.p = p;
      this.source = source;
    }

    Run run() throws IOException {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      Integer index = null;
      Integer replication = null;
      String label = null;
      String variant = null;
      List<SweepPoint.Setting> point = new ArrayList<>();
      Double sample = null;
      double[] ends = null;
      List<Window> windows = new ArrayList<>();
      Map<String, double[]> series = new LinkedHashMap<>();
      Map<String, Map<String, WindowStats>> stats = new LinkedHashMap<>();
      List<SimEvent> events = new ArrayList<>();
      Long processed = null;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        switch (name) {
          case "run" -> index = p.getIntValue();
          case "case" -> label = p.getString();
          case "variant" -> variant = p.getString();
          case "replication" -> replication = p.getIntValue();
          case "sample_s" -> sample = number(t);
          case "interval_ends" -> ends = doubles(t);
          case "events_processed" -> processed = p.getLongValue();
          case "sweep" -> {
            expect(t, JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
              String path = p.currentName();
              p.nextToken();
              point.add(new SweepPoint.Setting(path, p.getString()));
            }
          }
          case "windows" -> {
            expect(t, JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
              Map<String, Object> w = flatObject();
              windows.add(
                  new Window(
                      (String) w.get("name"), (Double) w.get("from_s"), (Double) w.get("to_s")));
            }
          }
          case "series" -> {
            expect(t, JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
              String metric = p.currentName();
              series.put(metric, doubles(p.nextToken()));
            }
          }
          case "stats" -> {
            expect(t, JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
              String metric = p.currentName();
              expect(p.nextToken(), JsonToken.START_OBJECT);
              Map<String, WindowStats> perWindow = new LinkedHashMap<>();
              while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String window = p.currentName();
                expect(p.nextToken(), JsonToken.START_OBJECT);
                Map<String, Object> s = flatObject();
                perWindow.put(
                    window,
                    new WindowStats(
                        stat(s, "mean"),
                        stat(s, "max"),
                        stat(s, "min"),
                        stat(s, "final"),
                        stat(s, "value")));
              }
              stats.put(metric, perWindow);
            }
          }
          case "events" -> {
            expect(t, JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
              Map<String, Object> e = flatObject();
              events.add(
                  new SimEvent(
                      (Double) e.get("t_s"),
                      (String) e.get("component"),
                      (String) e.get("event"),
                      (String) e.get("detail")));
            }
          }
          default -> p.skipChildren();
        }
      }
      if (index == null
          || replication == null
          || label == null
          || variant == null
          || sample == null
          || ends == null
          || processed == null) {
        throw new IOException(
            source
                + ": not a cascade run result: a field of run, case, variant, replication,"
                + " sample_s, interval_ends, events_processed is missing");
      }
      RunResult result = new RunResult(sample, ends, series, stats, windows, events, processed);
      return new Run(index, label, variant, new SweepPoint(point), replication, result);
    }

    private double stat(Map<String, Object> s, String name) throws IOException {
      Object v = s.get(name);
      if (!(v instanceof Double d)) {
        throw new IOException(source + ": statistic " + name + " is missing");
      }
      return d;
    }

    /** The fields of an object of scalars (the parser is at its START_OBJECT). */
    private Map<String, Object> flatObject() throws IOException {
      Map<String, Object> out = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
          out.put(name, Double.parseDouble(p.getString()));
        } else if (t == JsonToken.VALUE_STRING) {
          String text = p.getString();
          out.put(name, isNonFinite(text) ? (Object) Double.parseDouble(text) : text);
        } else {
          throw new IOException(source + ": unexpected " + t + " at " + name);
        }
      }
      return out;
    }

    private double[] doubles(JsonToken t) throws IOException {
      expect(t, JsonToken.START_ARRAY);
      double[] buf = new double[64];
      int n = 0;
      JsonToken v;
      while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
        if (n == buf.length) {
          buf = java.util.Arrays.copyOf(buf, n * 2);
        }
        buf[n++] = number(v);
      }
      return java.util.Arrays.copyOf(buf, n);
    }

    private double number(JsonToken t) throws IOException {
      if (t == JsonToken.VALUE_NUMBER_FLOAT
          || t == JsonToken.VALUE_NUMBER_INT
          || t == JsonToken.VALUE_STRING && isNonFinite(p.getString())) {
        return Double.parseDouble(p.getString());
      }
      throw new IOException(source + ": expected a number, got " + t);
    }

    private void expect(JsonToken actual, JsonToken expected) throws IOException {
      if (actual != expected) {
        throw new IOException(source + ": expected " + expected + ", got " + actual);
      }
    }

    private static boolean isNonFinite(String text) {
      return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity");
    }
  }
}
