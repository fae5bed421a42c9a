package dev.cascade.scenario.output;

import dev.cascade.scenario.run.ScenarioResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The standard files of an output folder: {@code summary.json}, {@code timeseries.csv}, {@code
 * timeline.md} and {@code scenario.resolved.yaml}. {@link #write} publishes them, plus any other
 * contents (charts, the HTML report), atomically with {@link OutputFolder}.
 */
public final class ResultFiles {

  public static final String SUMMARY = "summary.json";
  public static final String TIMESERIES = "timeseries.csv";
  public static final String TIMELINE = "timeline.md";
  public static final String RESOLVED = "scenario.resolved.yaml";

  private ResultFiles() {}

  /** The four standard files of {@code result}, stamped with {@code version}. */
  public static OutputFolder.Contents of(ScenarioResult result, String version) {
    return dir -> {
      try (Writer w = Files.newBufferedWriter(dir.resolve(SUMMARY), StandardCharsets.UTF_8)) {
        SummaryJson.write(result, version, w);
      }
      try (Writer w = Files.newBufferedWriter(dir.resolve(TIMESERIES), StandardCharsets.UTF_8)) {
        TimeseriesCsv.write(result, w);
      }
      try (Writer w = Files.newBufferedWriter(dir.resolve(TIMELINE), StandardCharsets.UTF_8)) {
        TimelineMarkdown.write(result, w);
      }
      Files.writeString(
          dir.resolve(RESOLVED), result.scenario().resolvedYaml(), StandardCharsets.UTF_8);
    };
  }

  /**
   * Publishes the standard files of {@code result} and {@code extra} contents at {@code target}.
   *
   * @throws IOException when writing fails; the previous folder, if any, is kept
   */
  public static void write(ScenarioResult result, Path target, OutputFolder.Contents... extra)
      throws IOException {
    OutputFolder.Contents[] all = new OutputFolder.Contents[extra.length + 1];
    all[0] = of(result, CascadeVersion.current());
    System.arraycopy(extra, 0, all, 1, extra.length);
    OutputFolder.publish(target, all);
  }
}
