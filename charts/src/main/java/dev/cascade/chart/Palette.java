package dev.cascade.chart;

import java.awt.Color;

/**
 * The colours of every chart. A variant keeps its colour (by its index in the report) across all
 * comparison and sweep charts; the ten variant colours are Tableau's categorical palette, which
 * stays distinguishable for common colour-vision deficiencies. Outcome and event colours carry
 * meaning: green ok, orange 503, red error or failure, purple timeout.
 */
final class Palette {

  private static final Color[] VARIANTS = {
    new Color(0x1f77b4),
    new Color(0xff7f0e),
    new Color(0x2ca02c),
    new Color(0xd62728),
    new Color(0x9467bd),
    new Color(0x8c564b),
    new Color(0xe377c2),
    new Color(0x7f7f7f),
    new Color(0xbcbd22),
    new Color(0x17becf)
  };

  /** Lines within one run's chart: dark blue, teal, amber, dark red, then the variant colours. */
  private static final Color[] SERIES = {
    new Color(0x1f4e79), new Color(0x00a087), new Color(0xe6a700), new Color(0xb2182b)
  };

  static final Color OK = new Color(0x4daf4a);
  static final Color REJECTED_503 = new Color(0xff9f1c);
  static final Color ERROR = new Color(0xe41a1c);
  static final Color TIMEOUT = new Color(0x984ea3);
  static final Color OFFERED = new Color(0x222222);
  static final Color RETRY = new Color(0x666666);

  static final Color FAULT_WINDOW = new Color(255, 80, 80, 38);
  static final Color WARMUP = new Color(128, 128, 128, 36);
  static final Color CAPACITY = new Color(0xb2182b);
  static final Color LIMIT = new Color(0x7b3294);
  static final Color GRID = new Color(0xdddddd);
  static final Color TEXT_MUTED = new Color(0x555555);

  static final Color EVENT_FAILURE = new Color(0xc0392b);
  static final Color EVENT_RECOVERY = new Color(0x1e8449);
  static final Color EVENT_PROTECTION = new Color(0xd35400);
  static final Color EVENT_OTHER = new Color(0x5d6d7e);

  private Palette() {}

  /** The colour of the variant at {@code index} in the report. */
  static Color variant(int index) {
    return VARIANTS[Math.floorMod(index, VARIANTS.length)];
  }

  /** The colour of the {@code index}-th line within one run's chart. */
  static Color series(int index) {
    return index < SERIES.length ? SERIES[index] : variant(index - SERIES.length);
  }

  /** {@code color} mixed with {@code other}, {@code share} of the latter (in [0,1]). */
  static Color blend(Color color, Color other, double share) {
    return new Color(
        mix(color.getRed(), other.getRed(), share),
        mix(color.getGreen(), other.getGreen(), share),
        mix(color.getBlue(), other.getBlue(), share));
  }

  private static int mix(int a, int b, double share) {
    return (int) Math.round(a * (1 - share) + b * share);
  }
}
