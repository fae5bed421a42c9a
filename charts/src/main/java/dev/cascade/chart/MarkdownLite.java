package dev.cascade.chart;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the timeline's Markdown into HTML, for the subset {@code timeline.md} uses: headings,
 * bullet lists, pipe tables, paragraphs, and inline {@code **bold**} and {@code `code`}. All text
 * is escaped first and links are never produced, so the output cannot run a script or fetch
 * anything. Anything else shows as plain text.
 */
final class MarkdownLite {

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");

  private MarkdownLite() {}

  /** The HTML of {@code markdown}. */
  static String toHtml(String markdown) {
    StringBuilder out = new StringBuilder();
    List<String> lines = markdown.lines().toList();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        i++;
      } else if (line.startsWith("#")) {
        int level = 0;
        while (level < line.length() && line.charAt(level) == '#') {
          level++;
        }
        int h = Math.min(6, level + 2);
        out.append("<h").append(h).append('>');
        out.append(inline(line.substring(level).strip())).append("</h").append(h).append(">\n");
        i++;
      } else if (isBullet(line)) {
        out.append("<ul>\n");
        while (i < lines.size() && isBullet(lines.get(i).strip())) {
          out.append("<li>").append(inline(lines.get(i).strip().substring(2).strip()));
          out.append("</li>\n");
          i++;
        }
        out.append("</ul>\n");
      } else if (line.startsWith("|")) {
        i = table(lines, i, out);
      } else {
        StringBuilder para = new StringBuilder(inline(line));
        i++;
        while (i < lines.size() && isContinuation(lines.get(i).strip())) {
          para.append(' ').append(inline(lines.get(i).strip()));
          i++;
        }
        out.append("<p>").append(para).append("</p>\n");
      }
    }
    return out.toString();
  }

  private static boolean isBullet(String line) {
    return line.startsWith("- ") || line.startsWith("* ");
  }

  private static boolean isContinuation(String line) {
    return !line.isEmpty() && !line.startsWith("#") && !line.startsWith("|") && !isBullet(line);
  }

  private static int table(List<String> lines, int start, StringBuilder out) {
    out.append("<table>\n");
    int i = start;
    boolean header = true;
    while (i < lines.size() && lines.get(i).strip().startsWith("|")) {
      String row = lines.get(i).strip();
      i++;
      if (row.matches("\\|[\\s:|-]*")) {
        continue;
      }
      String tag =
          header && i < lines.size() && lines.get(i).strip().matches("\\|[\\s:|-]*") ? "th" : "td";
      header = false;
      out.append("<tr>");
      for (String cell : cells(row)) {
        out.append('<')
            .append(tag)
            .append('>')
            .append(inline(cell))
            .append("</")
            .append(tag)
            .append('>');
      }
      out.append("</tr>\n");
    }
    out.append("</table>\n");
    return i;
  }

  private static String[] cells(String row) {
    String inner = row.substring(1);
    if (inner.endsWith("|")) {
      inner = inner.substring(0, inner.length() - 1);
    }
    String[] cells = inner.split("\\|", -1);
    for (int k = 0; k < cells.length; k++) {
      cells[k] = cells[k].strip();
    }
    return cells;
  }

  /** Escapes {@code text}, then marks up code spans, and bold outside them. */
  static String inline(String text) {
    String escaped = Html.text(text);
    Matcher code = CODE.matcher(escaped);
    StringBuilder out = new StringBuilder();
    int from = 0;
    while (code.find()) {
      out.append(bold(escaped.substring(from, code.start())));
      out.append("<code>").append(code.group(1)).append("</code>");
      from = code.end();
    }
    return out.append(bold(escaped.substring(from))).toString();
  }

  private static String bold(String escaped) {
    return BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
  }
}
