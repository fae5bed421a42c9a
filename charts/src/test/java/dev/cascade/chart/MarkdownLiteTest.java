package dev.cascade.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownLiteTest {

  @Test
  void headingsListsAndParagraphs_toHtml() {
    String html =
        MarkdownLite.toHtml(
            "# Timeline\n\n- T+0s **redis** crashed\n- T+10s `cb` open\n\nSome\ntext.\n");
    assertThat(html)
        .isEqualTo(
            "<h3>Timeline</h3>\n<ul>\n<li>T+0s <strong>redis</strong> crashed</li>\n"
                + "<li>T+10s <code>cb</code> open</li>\n</ul>\n<p>Some text.</p>\n");
  }

  @Test
  void pipeTable_toHtml_headerRowAndCells() {
    String html = MarkdownLite.toHtml("| t | event |\n|---|---|\n| 300 s | crashed |\n");
    assertThat(html)
        .isEqualTo(
            "<table>\n<tr><th>t</th><th>event</th></tr>\n<tr><td>300 s</td><td>crashed</td></tr>\n</table>\n");
  }

  @Test
  void markup_toHtml_escapedNeverExecuted() {
    String html = MarkdownLite.toHtml("- <script>alert(1)</script> [x](http://evil) & \"q\"");
    assertThat(html).doesNotContain("<script").doesNotContain("<a ").contains("&lt;script&gt;");
    assertThat(html).contains("&amp; &quot;q&quot;");
  }

  @Test
  void boldAcrossCodeSpan_inline_staysWellNested() {
    assertThat(MarkdownLite.inline("**a `b** c`")).isEqualTo("**a <code>b** c</code>");
  }
}
