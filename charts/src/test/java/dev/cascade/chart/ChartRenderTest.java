package dev.cascade.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Renders one chart of every kind of the synthetic incident headless to PNG and SVG, into {@code
 * target/sample-report/charts/} (kept for a person to look at), and checks the files: every chart
 * kind present, PNGs decode at the chart's size, SVGs are well-formed XML of that size with no
 * external reference. (The report test draws every chart of the incident as SVG.)
 */
class ChartRenderTest {

  static final Path DIR = Path.of("target", "sample-report", "charts");

  private static List<Chart> all;
  private static List<Chart> charts;
  private static List<Path> files;

  @BeforeAll
  static void render() throws Exception {
    ReportData data = Synthetic.report("url-shortener-redis-down");
    all = ChartSet.build(data);
    // The protected variant's run charts show more (breaker open, shedding): prefer them.
    Map<ChartKind, Chart> firstOfKind = new EnumMap<>(ChartKind.class);
    for (Chart c : all) {
      if (c.variant().isEmpty() || c.variant().equals("breaker-and-throttle")) {
        firstOfKind.putIfAbsent(c.kind(), c);
      }
    }
    charts = List.copyOf(firstOfKind.values());
    files = ChartSet.render(charts, DIR, Format.BOTH);
  }

  @Test
  void syntheticIncident_build_coversEveryChartKind() {
    Set<ChartKind> kinds = all.stream().map(Chart::kind).collect(Collectors.toSet());
    assertThat(kinds).isEqualTo(EnumSet.allOf(ChartKind.class));
    assertThat(charts).hasSize(ChartKind.values().length);
  }

  @Test
  void everyChart_renderBoth_writesOnePngAndOneSvgEach() {
    assertThat(files).hasSize(2 * charts.size());
    assertThat(files.stream().map(p -> p.getFileName().toString()).distinct())
        .hasSize(files.size());
  }

  @Test
  void everyPng_decoded_hasTheChartsSize() throws Exception {
    for (Chart c : charts) {
      Path png = DIR.resolve(c.name() + ".png");
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)));
      assertThat(image).as(png.toString()).isNotNull();
      assertThat(image.getWidth()).as(png.toString()).isEqualTo(c.width());
      assertThat(image.getHeight()).as(png.toString()).isEqualTo(c.height());
      assertThat(distinctColours(image)).as(png + " is not blank").isGreaterThan(20);
    }
  }

  @Test
  void everySvg_parsed_isWellFormedWithTheChartsSize() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    for (Chart c : charts) {
      Path svg = DIR.resolve(c.name() + ".svg");
      byte[] bytes = Files.readAllBytes(svg);
      Element root =
          f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)).getDocumentElement();
      assertThat(root.getLocalName()).isEqualTo("svg");
      assertThat(root.getAttribute("width")).isEqualTo(Integer.toString(c.width()));
      assertThat(root.getAttribute("height")).isEqualTo(Integer.toString(c.height()));
      String text = new String(bytes, StandardCharsets.UTF_8);
      assertThat(text).contains("<text", "<path").doesNotContain("<!DOCTYPE");
      assertThat(text.replaceAll(" xmlns(:\\w+)?='[^']*'", "")).doesNotContain("http:", "https:");
    }
  }

  @Test
  void sameChart_svgTwice_sameBytes() {
    Chart c = charts.get(0);
    assertThat(ChartWriter.svg(c)).isEqualTo(ChartWriter.svg(c));
  }

  @Test
  void pngOnly_render_writesPngFilesNamedByChart(@TempDir Path dir) throws Exception {
    List<Path> written = ChartSet.render(charts.subList(0, 2), dir.resolve("charts"), Format.PNG);
    assertThat(written)
        .containsExactly(
            dir.resolve("charts").resolve(charts.get(0).name() + ".png"),
            dir.resolve("charts").resolve(charts.get(1).name() + ".png"));
  }

  @Test
  void standardSizes_allCharts_areLaptopReadable() {
    for (Chart c : all) {
      assertThat(c.width()).isEqualTo(ChartStyle.WIDTH);
      assertThat(c.height()).isIn(ChartStyle.HEIGHT, ChartStyle.TALL_HEIGHT);
    }
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
