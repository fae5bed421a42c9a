package dev.cascade.scenario.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.core.result.RunResult;
import dev.cascade.core.result.SimEvent;
import dev.cascade.core.result.WindowStats;
import dev.cascade.core.stats.Window;
import dev.cascade.scenario.spec.SweepPoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartialResultTest {

  @TempDir Path tmp;

  /** Values that a decimal format with fewer digits, or a float, would not give back. */
  private static final double[] AWKWARD = {
    0.1 + 0.2,
    1.0 / 3,
    Double.MIN_VALUE,
    -0.0,
    1e300,
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Math.PI * 1e-9,
    123456789.00000001
  };

  private static RunResultJson.Run run(int index) {
    double[] ends = new double[AWKWARD.length];
    for (int i = 0; i < ends.length; i++) {
      ends[i] = (i + 1) * 0.1;
    }
    Map<String, Map<String, WindowStats>> stats = new LinkedHashMap<>();
    Map<String, WindowStats> perWindow = new LinkedHashMap<>();
    perWindow.put("outage", new WindowStats(0.1 + 0.2, Double.NaN, -0.0, 1e-320, 2.0 / 3));
    perWindow.put("all", WindowStats.EMPTY);
    stats.put("db.load_rps", perWindow);
    RunResult r =
        new RunResult(
            0.1,
            ends,
            Map.of("db.load_rps", AWKWARD.clone(), "a.b", new double[AWKWARD.length]),
            stats,
            List.of(new Window("outage", 0.3, 0.7), new Window("all", 0, 1.0000000000000002)),
            List.of(
                new SimEvent(0.30000000000000004, "redis", "crashed", "fault \"injected\", ünï"),
                new SimEvent(0.5, "redis-cb", "opened", "")),
            9_007_199_254_740_993L);
    SweepPoint point =
        new SweepPoint(
            List.of(
                new SweepPoint.Setting("db.nodes", "8"),
                new SweepPoint.Setting("db.latency", "lognormal(3ms, 0.5)")));
    return new RunResultJson.Run(index, "v[db.nodes=8]", "v", point, 1, r);
  }

  private static void assertSame(RunResultJson.Run a, RunResultJson.Run b) {
    assertThat(b.index()).isEqualTo(a.index());
    assertThat(b.label()).isEqualTo(a.label());
    assertThat(b.variant()).isEqualTo(a.variant());
    assertThat(b.point()).isEqualTo(a.point());
    assertThat(b.replication()).isEqualTo(a.replication());
    RunResult x = a.result();
    RunResult y = b.result();
    assertThat(y.sampleSeconds()).isEqualTo(x.sampleSeconds());
    assertThat(bits(y.intervalEnds())).isEqualTo(bits(x.intervalEnds()));
    assertThat(y.metrics()).isEqualTo(x.metrics());
    for (String m : x.metrics()) {
      assertThat(bits(y.series(m))).as(m).isEqualTo(bits(x.series(m)));
    }
    assertThat(y.stats()).isEqualTo(x.stats()); // records: Double.compare semantics (NaN, -0.0)
    assertThat(List.copyOf(y.stats().get("db.load_rps").keySet())).containsExactly("outage", "all");
    assertThat(y.windows()).isEqualTo(x.windows());
    assertThat(y.events()).isEqualTo(x.events());
    assertThat(y.eventsProcessed()).isEqualTo(x.eventsProcessed());
  }

  private static long[] bits(double[] values) {
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Double.doubleToRawLongBits(values[i]);
    }
    return out;
  }

  @Test
  void runResult_roundTripsBitForBit() throws IOException {
    RunResultJson.Run original = run(7);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RunResultJson.write(original, bytes);
    RunResultJson.Run back =
        RunResultJson.read(new ByteArrayInputStream(bytes.toByteArray()), "mem");
    assertSame(original, back);
  }

  @Test
  void folder_roundTrips_andRejectsGarbage() throws IOException {
    Path dir = tmp.resolve("shard-1-of-2");
    PartialResult.Manifest m =
        new PartialResult.Manifest(
            "0.1.0",
            "tiny",
            Map.of("db.nodes", List.of("8", "16")),
            List.of("v"),
            List.of("v[db.nodes=8]", "v[db.nodes=16]"),
            2,
            1,
            2,
            List.of(1, 3),
            1.25);
    PartialResult.write(dir, m, "scenario: tiny\n", List.of(run(1), run(3)));
    assertThat(PartialResult.isPartial(dir)).isTrue();
    assertThat(PartialResult.readManifest(dir)).isEqualTo(m);
    assertThat(PartialResult.readResolved(dir)).isEqualTo("scenario: tiny\n");
    assertSame(run(3), PartialResult.readRun(dir, 3));
    assertThat(m.totalRuns()).isEqualTo(4);

    assertThatThrownBy(() -> PartialResult.readRun(dir, 5))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("run-000005.json.gz is missing");
    Files.writeString(dir.resolve(PartialResult.MANIFEST), "{\"format\": \"other\"}");
    assertThatThrownBy(() -> PartialResult.readManifest(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a cascade partial result");
    assertThatThrownBy(
            () ->
                RunResultJson.read(
                    new ByteArrayInputStream("{\"run\": 1}".getBytes(StandardCharsets.UTF_8)),
                    "x.json"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("x.json");
  }
}
