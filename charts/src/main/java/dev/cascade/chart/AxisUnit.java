package dev.cascade.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.TickUnits;

/**
 * The unit a metric is measured in, read off its name (SCENARIO-FORMAT.md: latencies in ms, rates
 * per second, ratios in [0,1]), with the human formatting used on chart axes and in tables: {@code
 * 250 ms}, {@code 1.2 s}, {@code 800k/s}, {@code 1.5M/s}, {@code 512 MB}, {@code 41%}, {@code
 * 12m30s}. Byte axes tick at powers of 1024 and time axes at whole seconds, minutes and hours, so
 * tick labels come out round.
 */
public enum AxisUnit {
  /** Milliseconds: latencies. */
  MILLIS,
  /** Events per second: rates. */
  PER_SECOND,
  /** Bytes: memory. */
  BYTES,
  /** A fraction in [0,1], shown as a percentage. */
  RATIO,
  /** Seconds: simulated time and ages. */
  SECONDS,
  /** A plain count or level: threads, queue lengths, keys. */
  COUNT;

  private static final double KIB = 1024;
  private static final String[] BYTE_UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};
  private static final double[] TIME_STEPS = {
    1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
    172800, 604800
  };

  /** The unit of metric {@code name} ({@code <component>.<metric>} or the metric part alone). */
  public static AxisUnit ofMetric(String name) {
    String m = MetricName.parse(name).metric();
    if (m.endsWith("_rps")) {
      return PER_SECOND;
    }
    if (m.startsWith("latency_") || m.contains("_latency_")) {
      return MILLIS;
    }
    if (m.endsWith("_bytes")) {
      return BYTES;
    }
    if (m.endsWith("_s")) {
      return SECONDS;
    }
    if (m.equals("up")
        || m.equals("shedding")
        || m.startsWith("rate_")
        || m.endsWith("_rate")
        || m.endsWith("_ratio")
        || m.endsWith("_fraction")
        || m.startsWith("utilization")) {
      return RATIO;
    }
    return COUNT;
  }

  /** {@code value} with its unit, e.g. {@code 1.5M/s}; {@code n/a} for NaN. */
  public String format(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "∞" : "-∞";
    }
    return switch (this) {
      case MILLIS -> millis(value);
      case PER_SECOND -> decimalPrefix(value) + "/s";
      case BYTES -> bytes(value);
      case RATIO -> compact(value * 100) + "%";
      case SECONDS -> seconds(value);
      case COUNT -> decimalPrefix(value);
    };
  }

  /**
   * {@code value ± error} in one scale chosen by the value, e.g. {@code 62.5k/s ± 0.17k/s} or
   * {@code 407 ms ± 0.37 ms}, the error to two significant digits; {@code n/a} for a NaN value, the
   * value alone for a NaN error.
   */
  public String formatWithError(double value, double error) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return format(value);
    }
    if (!Double.isFinite(error)) {
      return format(value);
    }
    double reference = value != 0 ? Math.abs(value) : Math.abs(error);
    double divisor;
    String suffix;
    switch (this) {
      case MILLIS -> {
        divisor = reference < 1 ? 0.001 : reference < 1000 ? 1 : 1000;
        suffix = reference < 1 ? " µs" : reference < 1000 ? " ms" : " s";
      }
      case SECONDS -> {
        divisor = reference < 60 ? 1 : reference < 3600 ? 60 : 3600;
        suffix = reference < 60 ? " s" : reference < 3600 ? " min" : " h";
      }
      case BYTES -> {
        int p = 0;
        while (reference >= Math.pow(KIB, p + 1) - 0.5 && p < BYTE_UNITS.length - 1) {
          p++;
        }
        divisor = Math.pow(KIB, p);
        suffix = " " + BYTE_UNITS[p];
      }
      case RATIO -> {
        divisor = 0.01;
        suffix = "%";
      }
      default -> {
        int e = reference >= 999.5e6 ? 9 : reference >= 999.5e3 ? 6 : reference >= 999.5 ? 3 : 0;
        divisor = Math.pow(10, e);
        suffix =
            (e == 9 ? "G" : e == 6 ? "M" : e == 3 ? "k" : "") + (this == PER_SECOND ? "/s" : "");
      }
    }
    // Rounding noise of a mean of equal values is no interval.
    double shown = Math.abs(error) < Math.abs(value) * 1e-9 ? 0 : error;
    return compact(value / divisor) + suffix + " ± " + twoDigits(shown / divisor) + suffix;
  }

  /** {@code v} rounded to two significant digits, without trailing zeros. */
  static String twoDigits(double v) {
    if (v == 0) {
      return "0";
    }
    return new BigDecimal(v).round(new MathContext(2)).stripTrailingZeros().toPlainString();
  }

  /** A {@link NumberFormat} that formats like {@link #format(double)}, for chart axes. */
  public NumberFormat numberFormat() {
    return new UnitNumberFormat(this, Double.NaN);
  }

  /** Tick sizes that give round labels in this unit, each labelled by {@link #format(double)}. */
  TickUnitSource tickUnits() {
    TickUnits units = new TickUnits();
    // A ratio axis may extend past 100% to leave room for event labels; such ticks stay blank.
    NumberFormat f = new UnitNumberFormat(this, this == RATIO ? 1 + 1e-9 : Double.NaN);
    switch (this) {
      case BYTES -> {
        // Powers of two: 256 MB steps read 768 MB, 1 GB, 1.25 GB; 500 MB steps would not.
        for (int p = 0; p <= 60; p++) {
          units.add(new NumberTickUnit(Math.pow(2, p), f));
        }
      }
      case SECONDS -> {
        for (double s : new double[] {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5}) {
          units.add(new NumberTickUnit(s, f));
        }
        for (double s : TIME_STEPS) {
          units.add(new NumberTickUnit(s, f));
        }
      }
      default -> {
        for (int e = -6; e <= 12; e++) {
          for (double k : new double[] {1, 2, 5}) {
            units.add(new NumberTickUnit(k * Math.pow(10, e), f));
          }
        }
      }
    }
    return units;
  }

  private static String millis(double ms) {
    double a = Math.abs(ms);
    if (a >= 60_000) {
      return seconds(ms / 1000);
    }
    if (a >= 1000) {
      return compact(ms / 1000) + " s";
    }
    if (a > 0 && a < 1) {
      return compact(ms * 1000) + " µs";
    }
    return compact(ms) + " ms";
  }

  private static String seconds(double s) {
    double a = Math.abs(s);
    if (a == 0) {
      return "0";
    }
    if (a < 60) {
      return compact(s) + " s";
    }
    long total = Math.round(a);
    String sign = s < 0 ? "-" : "";
    long h = total / 3600;
    long m = total % 3600 / 60;
    long sec = total % 60;
    StringBuilder out = new StringBuilder(sign);
    if (h > 0) {
      out.append(h).append('h');
    }
    if (m > 0 || (h > 0 && sec > 0)) {
      out.append(m).append('m');
    }
    if (sec > 0) {
      out.append(sec).append('s');
    }
    return out.toString();
  }

  private static String bytes(double b) {
    double a = Math.abs(b);
    int p = 0;
    while (a >= KIB - 0.5 && p < BYTE_UNITS.length - 1) {
      a /= KIB;
      p++;
    }
    return compact(Math.signum(b) * a) + " " + BYTE_UNITS[p];
  }

  private static String decimalPrefix(double v) {
    double a = Math.abs(v);
    if (a >= 999.5e6) {
      return compact(v / 1e9) + "G";
    }
    if (a >= 999.5e3) {
      return compact(v / 1e6) + "M";
    }
    if (a >= 999.5) {
      return compact(v / 1e3) + "k";
    }
    return compact(v);
  }

  /** At most three significant digits before the point, at most two after it, no trailing zeros. */
  static String compact(double v) {
    double a = Math.abs(v);
    String pattern;
    if (a >= 100) {
      pattern = "0";
    } else if (a >= 10) {
      pattern = "0.#";
    } else if (a >= 0.1 || a == 0) {
      pattern = "0.##";
    } else {
      pattern = "0.###";
    }
    String s = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    return s.equals("-0") ? "0" : s;
  }

  /** Adapts {@link AxisUnit#format} to the {@link NumberFormat} JFreeChart's axes take. */
  private static final class UnitNumberFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private final AxisUnit unit;
    private final double blankAbove;

    /** Formats in {@code unit}, leaving values above {@code blankAbove} (unless NaN) blank. */
    UnitNumberFormat(AxisUnit unit, double blankAbove) {
      this.unit = unit;
      this.blankAbove = blankAbove;
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
      return number > blankAbove ? toAppendTo : toAppendTo.append(unit.format(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
      return format((double) number, toAppendTo, pos);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
      throw new UnsupportedOperationException("axis labels are not parsed");
    }
  }
}
