package dev.cascade.scenario.output;

import dev.cascade.core.result.Summary;
import dev.cascade.scenario.run.CaseResult;
import dev.cascade.scenario.run.ScenarioResult;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes {@code timeseries.csv}: header {@code variant,t_s,<metric>,...} with the metrics of every
 * case sorted by name, then one row per case and sample interval (its end time), each value the
 * mean over replications. RFC 4180: CRLF line ends, fields with a comma, quote or line break are
 * quoted; numbers in plain decimal with {@code .}; an empty cell where there is no value (NaN, or a
 * metric the case does not have).
 */
public final class TimeseriesCsv {

  private static final String EOL = "\r\n";

  private TimeseriesCsv() {}

  /** Writes the time series of {@code result} to {@code out}. */
  public static void write(ScenarioResult result, Writer out) throws IOException {
    TreeSet<String> metrics = new TreeSet<>();
    for (CaseResult c : result.cases()) {
      if (c.summary() != null) {
        metrics.addAll(c.summary().metrics());
      }
    }
    List<String> header = new ArrayList<>(List.of("variant", "t_s"));
    header.addAll(metrics);
    row(out, header);
    for (CaseResult c : result.cases()) {
      Summary s = c.summary();
      if (s == null) {
        continue;
      }
      Map<String, double[]> series = s.meanSeries();
      double[] ends = s.intervalEnds();
      for (int k = 0; k < ends.length; k++) {
        List<String> cells = new ArrayList<>(header.size());
        cells.add(c.kase().label());
        cells.add(Numbers.plain(ends[k]));
        for (String m : metrics) {
          double[] values = series.get(m);
          cells.add(values == null ? "" : Numbers.plain(values[k]));
        }
        row(out, cells);
      }
    }
  }

  private static void row(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(field(cells.get(i)));
    }
    out.write(EOL);
  }

  /** A field, quoted (with quotes doubled) when RFC 4180 requires it. */
  static String field(String text) {
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
