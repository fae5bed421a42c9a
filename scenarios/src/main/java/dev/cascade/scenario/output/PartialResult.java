package dev.cascade.scenario.output;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The folder one shard of a sweep writes ({@code cascade sweep --shard-index I --shard-count N}):
 *
 * <pre>
 * shard.json               the manifest: which scenario, sweep grid, variants, cases, replications,
 *                          shard index and count, and which runs of the canonical order it holds
 * scenario.resolved.yaml   the scenario with every default written out (the same text every shard
 *                          of one sweep writes)
 * runs/run-NNNNNN.json.gz  one run each, whole and lossless ({@link RunResultJson})
 * </pre>
 *
 * Run {@code k} of the canonical order is replication {@code k % replications} of case {@code k /
 * replications}; a shard holds the runs with {@code k % shardCount == shardIndex}. The folder is
 * published atomically with {@link OutputFolder}.
 */
public final class PartialResult {

  public static final String MANIFEST = "shard.json";
  public static final String FORMAT = "cascade-partial/1";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * What a partial result holds.
   *
   * @param version the Cascade version that wrote it
   * @param scenario the scenario's name
   * @param sweep swept path to value texts, in grid order
   * @param variants the variants swept, in order
   * @param cases every case label of the whole sweep, in canonical order
   * @param replications replications per case
   * @param runs indices (canonical order) of the runs in this folder, increasing
   * @param wallSeconds wall-clock time the shard took
   */
  public record Manifest(
      String version,
      String scenario,
      Map<String, List<String>> sweep,
      List<String> variants,
      List<String> cases,
      int replications,
      int shardIndex,
      int shardCount,
      List<Integer> runs,
      double wallSeconds) {

    public Manifest {
      sweep = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sweep));
      variants = List.copyOf(variants);
      cases = List.copyOf(cases);
      runs = List.copyOf(runs);
    }

    /** Runs in the whole sweep. */
    public int totalRuns() {
      return cases.size() * replications;
    }
  }

  private PartialResult() {}

  /** Path of run {@code index} inside a partial folder. */
  public static String runFile(int index) {
    return String.format(Locale.ROOT, "runs/run-%06d.json.gz", index);
  }

  /** Whether {@code dir} holds a partial result (its manifest). */
  public static boolean isPartial(Path dir) {
    return Files.isRegularFile(dir.resolve(MANIFEST));
  }

  /**
   * Publishes a partial result at {@code target}: manifest, resolved scenario and every run.
   *
   * @throws IOException when writing fails (nothing is left behind)
   */
  public static void write(
      Path target, Manifest manifest, String resolvedYaml, List<RunResultJson.Run> runs)
      throws IOException {
    OutputFolder.publish(
        target,
        dir -> {
          Files.createDirectories(dir.resolve("runs"));
          for (RunResultJson.Run run : runs) {
            RunResultJson.write(
                run,
                new GZIPOutputStream(
                    new BufferedOutputStream(
                        Files.newOutputStream(dir.resolve(runFile(run.index())))),
                    1 << 16));
          }
          Files.writeString(
              dir.resolve(ResultFiles.RESOLVED), resolvedYaml, StandardCharsets.UTF_8);
          try (Writer w = Files.newBufferedWriter(dir.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            writeManifest(manifest, w);
          }
        });
  }

  private static void writeManifest(Manifest m, Writer out) {
    try (JsonGenerator g = JSON.writerWithDefaultPrettyPrinter().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("format", FORMAT);
      g.writeStringProperty("cascade_version", m.version());
      g.writeStringProperty("scenario", m.scenario());
      g.writeName("sweep");
      g.writeStartObject();
      for (Map.Entry<String, List<String>> e : m.sweep().entrySet()) {
        g.writeName(e.getKey());
        g.writeStartArray();
        for (String v : e.getValue()) {
          g.writeString(v);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      strings(g, "variants", m.variants());
      strings(g, "cases", m.cases());
      g.writeNumberProperty("replications", m.replications());
      g.writeNumberProperty("shard_index", m.shardIndex());
      g.writeNumberProperty("shard_count", m.shardCount());
      g.writeNumberProperty("wall_s", m.wallSeconds());
      g.writeName("runs");
      g.writeStartArray();
      for (int r : m.runs()) {
        g.writeNumber(r);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void strings(JsonGenerator g, String name, List<String> values) {
    g.writeName(name);
    g.writeStartArray();
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /**
   * Reads the manifest of the partial result in {@code dir}.
   *
   * @throws IOException naming the file when it is missing or not a manifest
   */
  public static Manifest readManifest(Path dir) throws IOException {
    Path file = dir.resolve(MANIFEST);
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new IOException(dir + " is not a partial result (no " + MANIFEST + ")", e);
    } catch (JacksonException e) {
      throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (!root.isObject() || !FORMAT.equals(text(root, "format"))) {
      throw new IOException(file + ": not a cascade partial result (format " + FORMAT + ")");
    }
    try {
      Map<String, List<String>> sweep = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : field(root, "sweep").properties()) {
        sweep.put(e.getKey(), strings(e.getValue()));
      }
      List<Integer> runs = new ArrayList<>();
      for (JsonNode n : field(root, "runs")) {
        runs.add(n.intValue());
      }
      return new Manifest(
          text(root, "cascade_version"),
          Objects.requireNonNull(text(root, "scenario"), "scenario"),
          sweep,
          strings(field(root, "variants")),
          strings(field(root, "cases")),
          field(root, "replications").intValue(),
          field(root, "shard_index").intValue(),
          field(root, "shard_count").intValue(),
          runs,
          field(root, "wall_s").doubleValue());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IOException(file + ": incomplete manifest: " + e.getMessage(), e);
    }
  }

  /** The resolved scenario text of the partial result in {@code dir}. */
  public static String readResolved(Path dir) throws IOException {
    try {
      return Files.readString(dir.resolve(ResultFiles.RESOLVED), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IOException(dir + ": " + ResultFiles.RESOLVED + " is missing", e);
    }
  }

  /**
   * Reads run {@code index} of the partial result in {@code dir}.
   *
   * @throws IOException naming the file when it is missing or not a run
   */
  public static RunResultJson.Run readRun(Path dir, int index) throws IOException {
    Path file = dir.resolve(runFile(index));
    try (InputStream in =
        new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)), 1 << 16)) {
      return RunResultJson.read(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new IOException(file + " is missing (the manifest lists run " + index + ")", e);
    }
  }

  private static JsonNode field(JsonNode root, String name) {
    JsonNode n = root.get(name);
    if (n == null || n.isNull()) {
      throw new IllegalArgumentException(name + " is missing");
    }
    return n;
  }

  private static String text(JsonNode root, String name) {
    JsonNode n = root.get(name);
    return n == null || !n.isString() ? null : n.stringValue();
  }

  private static List<String> strings(JsonNode array) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("expected a list, got " + array);
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(n.stringValue());
    }
    return out;
  }
}
