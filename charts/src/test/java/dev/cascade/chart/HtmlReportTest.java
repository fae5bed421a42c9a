package dev.cascade.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The report of the synthetic incident, written to {@code target/sample-report/report.html} (the
 * file {@code .ci/browser-check} opens in Chromium): well-formed, self-contained, complete, and
 * escaping every piece of scenario text.
 */
class HtmlReportTest {

  static final Path FILE = Path.of("target", "sample-report", "report.html");

  private static String html;
  private static Document doc;

  @BeforeAll
  static void write() throws Exception {
    HtmlReport.write(Synthetic.report("url-shortener-redis-down"), FILE);
    html = Files.readString(FILE, StandardCharsets.UTF_8);
    doc = parse(html);
  }

  static Document parse(String text) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void report_parsed_isWellFormedHtml5() {
    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("html");
    assertThat(doc.getElementsByTagName("head").getLength()).isEqualTo(1);
    assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("Cascade report: url-shortener-redis-down");
    assertThat(doc.getElementsByTagName("meta").item(0).getAttributes().getNamedItem("charset"))
        .isNotNull();
  }

  @Test
  void report_sections_allPresentInOrder() {
    List<String> ids = new ArrayList<>();
    NodeList sections = doc.getElementsByTagName("section");
    for (int i = 0; i < sections.getLength(); i++) {
      ids.add(((Element) sections.item(i)).getAttribute("id"));
    }
    assertThat(ids)
        .containsExactly("summary", "checks", "estimate", "glance", "charts", "stats", "timeline");
  }

  @Test
  void report_noExternalReferenceNoScript() {
    assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "<iframe");
    assertThat(html).doesNotContain("src=\"http", "href=\"http", "url(");
  }

  @Test
  void everyImage_inlinedSvgDataUri_decodesToSizedSvgWithoutExternalReference() throws Exception {
    NodeList images = doc.getElementsByTagName("img");
    assertThat(images.getLength()).isGreaterThan(40);
    String prefix = "data:image/svg+xml;base64,";
    for (int i = 0; i < images.getLength(); i++) {
      Element img = (Element) images.item(i);
      assertThat(img.getAttribute("src")).startsWith(prefix);
      assertThat(img.getAttribute("alt")).isNotBlank();
      String svg =
          new String(
              Base64.getDecoder().decode(img.getAttribute("src").substring(prefix.length())),
              StandardCharsets.UTF_8);
      Element root = parse(svg).getDocumentElement();
      assertThat(root.getTagName()).isEqualTo("svg");
      assertThat(root.getAttribute("width")).isEqualTo(img.getAttribute("width"));
      assertThat(svg.replaceAll(" xmlns(:\\w+)?='[^']*'", "")).doesNotContain("http:", "https:");
    }
  }

  @Test
  void report_summary_statesScaleAndWindows() {
    assertThat(html).contains("1/16: a proportional slice was simulated");
    assertThat(html).contains("during 5m–25m", "mean of 3 replications");
    assertThat(html).contains("db.nodes = 8, 16, 24");
    assertThat(html).contains("3 checks: 1 pass, 1 fail, 1 marginal");
  }

  @Test
  void report_checks_haveOneBadgePerVerdict() {
    assertThat(html)
        .contains(
            "<span class=\"badge pass\">pass</span>",
            "<span class=\"badge fail\">fail</span>",
            "<span class=\"badge marginal\">marginal</span>");
    assertThat(html).contains("41% ± 0.3%");
  }

  @Test
  void report_tables_estimateWindowStatsAndTimeline() {
    assertThat(html).contains("<td>db load per node</td><td class=\"num\">12.5k/s of 50k/s</td>");
    assertThat(html).contains("<details open=\"open\"><summary>Variant no-protection");
    assertThat(html)
        .containsPattern("<td>db.load_rps</td><td>time-average</td><td class=\"num\">[^<]+ ± ");
    assertThat(html).contains("<li>T+5m <strong>redis</strong> crashed (fault injected)</li>");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void scenarioText_everywhere_escaped(@TempDir Path dir) throws Exception {
    String evil = "<script>alert(1)</script>";
    ReportData data =
        ReportData.builder(evil)
            .description("<img src=x onerror=alert(2)> & co")
            .variant(
                "<b>v</b>",
                "<i>desc</i>",
                Synthetic.tiny(Map.of("web.offered_rps", Synthetic.step(1, 2)), List.of()))
            .check(
                new CheckRow(
                    "<b>v</b>", "web.offered_rps", "all", "mean", "<max 1>", 1, 0, true, false))
            .estimate(new EstimateRow("<q>", "<v>", "<n>"))
            .timeline("# " + evil)
            .build();
    Path file = dir.resolve("report.html");
    HtmlReport.write(data, file);
    String text = Files.readString(file);
    parse(text);
    assertThat(text)
        .doesNotContainIgnoringCase("<script")
        .doesNotContain("<img src=x", "<b>v", "<i>", "<q>", "<max");
    assertThat(text)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;v&lt;/b&gt;", "&amp; co");
  }
}
