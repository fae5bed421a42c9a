package dev.cascade.scenario.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The scenarios shipped with Cascade, read from the resources under {@code
 * dev/cascade/scenarios/builtin/}: {@code index.yaml} lists their names in the order {@code cascade
 * list} shows them, and each is {@code <name>.yaml}. Load one with {@code
 * ScenarioLoader.loadBuiltin} (or {@code loadArgument}, which also takes file paths).
 */
public final class BuiltinScenarios {

  private static final String DIR = "/dev/cascade/scenarios/builtin/";
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** The index file. */
  record Index(List<String> scenarios) {}

  /** One line of {@code cascade list}. */
  public record Entry(String name, String description) {}

  private BuiltinScenarios() {}

  /** Names of the built-in scenarios, in index order. */
  public static List<String> names() {
    return YAML.readValue(read("index.yaml"), Index.class).scenarios();
  }

  /** Every built-in scenario with its description. */
  public static List<Entry> list() {
    return names().stream()
        .map(
            n -> {
              JsonNode doc = YAML.readTree(text(n));
              return new Entry(n, doc.path("description").asString(""));
            })
        .toList();
  }

  /** The resource file name of a built-in scenario, used in messages. */
  public static String fileName(String name) {
    return name + ".yaml";
  }

  /**
   * The YAML text of built-in scenario {@code name}.
   *
   * @throws IllegalArgumentException when there is no such scenario
   */
  public static String text(String name) {
    if (!names().contains(name)) {
      throw new IllegalArgumentException("no built-in scenario \"" + name + "\"");
    }
    return read(fileName(name));
  }

  private static String read(String file) {
    try (InputStream in = BuiltinScenarios.class.getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DIR + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
