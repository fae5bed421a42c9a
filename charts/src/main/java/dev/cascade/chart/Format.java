package dev.cascade.chart;

import java.util.Locale;

/** Image formats of chart files, as chosen by {@code --format png|svg|both}. */
public enum Format {
  /** Raster images, via JFreeChart's {@code ChartUtils}. */
  PNG,
  /** Vector images, via JFreeSVG. */
  SVG,
  /** One PNG and one SVG per chart. */
  BOTH;

  /**
   * The format named {@code text}, ignoring case.
   *
   * @throws IllegalArgumentException for anything but {@code png}, {@code svg} or {@code both}
   */
  public static Format parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "png" -> PNG;
      case "svg" -> SVG;
      case "both" -> BOTH;
      default ->
          throw new IllegalArgumentException(
              "unknown chart format \"" + text + "\" (expected png, svg or both)");
    };
  }

  /** Whether PNG files are written. */
  public boolean png() {
    return this != SVG;
  }

  /** Whether SVG files are written. */
  public boolean svg() {
    return this != PNG;
  }
}
