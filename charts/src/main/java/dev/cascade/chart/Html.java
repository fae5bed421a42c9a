package dev.cascade.chart;

/**
 * Escaping for the report. Every piece of text that comes from a scenario or a result (names,
 * descriptions, event details, the timeline) goes through {@link #text}, so a scenario named {@code
 * <script>} renders as those characters. The output is also well-formed XML: characters XML 1.0
 * forbids are dropped.
 */
final class Html {

  private Html() {}

  /** {@code s} escaped for element content and quoted attribute values. */
  static String text(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (allowed(c)) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** An element {@code <tag class="cls">escaped text</tag>}; no class attribute if blank. */
  static String element(String tag, String cls, String content) {
    String attr = cls.isEmpty() ? "" : " class=\"" + text(cls) + "\"";
    return "<" + tag + attr + ">" + text(content) + "</" + tag + ">";
  }

  private static boolean allowed(char c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return true;
    }
    return c >= 0x20 && c != 0xFFFE && c != 0xFFFF;
  }
}
