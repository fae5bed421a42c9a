package dev.cascade.scenario.bind;

import dev.cascade.scenario.builtin.BuiltinScenarios;
import dev.cascade.scenario.spec.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads scenario files: read (UTF-8, at most 2 MB), parse (YAML, or JSON for {@code .json}), apply
 * {@code --set} overrides, bind the model with defaults, validate (units, ranges, unknown fields,
 * references, cycles, variant and sweep paths, checks), resolve every variant and sweep point.
 * Every problem is collected and thrown at once as a {@link ScenarioException}, each as {@code
 * file:line:col: path: message}.
 */
public final class ScenarioLoader {

  private ScenarioLoader() {}

  /** Loads a file without overrides. */
  public static Scenario load(Path file) {
    return load(file, LoadOptions.NONE);
  }

  /**
   * Loads a file.
   *
   * @throws ScenarioException listing every problem, including an unreadable file
   */
  public static Scenario load(Path file, LoadOptions options) {
    return load(ScenarioFile.read(file), file.toString(), options);
  }

  /**
   * Loads scenario text.
   *
   * @param source the name used in messages; a name ending in {@code .json} is read as JSON
   * @throws ScenarioException listing every problem
   */
  public static Scenario load(String text, String source, LoadOptions options) {
    return new Resolution(source, options).resolve(text);
  }

  /**
   * Loads a command-line argument: a file when one exists at that path, otherwise a built-in
   * scenario of that name.
   *
   * @throws ScenarioException when it is neither, or invalid
   */
  public static Scenario loadArgument(String argument, LoadOptions options) {
    Path file = Path.of(argument);
    if (Files.isRegularFile(file)) {
      return load(file, options);
    }
    if (BuiltinScenarios.names().contains(argument)) {
      return loadBuiltin(argument, options);
    }
    String hint = Suggest.hint(argument, BuiltinScenarios.names());
    throw new ScenarioException(
        List.of(
            new Problem(
                Position.of(argument, 1, 1),
                "",
                "no such file, and no built-in scenario of that name " + hint)));
  }

  /**
   * Loads the built-in scenario {@code name}; messages name its resource file.
   *
   * @throws IllegalArgumentException when there is no such built-in scenario
   */
  public static Scenario loadBuiltin(String name, LoadOptions options) {
    return load(BuiltinScenarios.text(name), BuiltinScenarios.fileName(name), options);
  }

  /** The problems of a file; empty when it is valid. */
  public static List<Problem> validate(Path file, LoadOptions options) {
    try {
      load(file, options);
      return List.of();
    } catch (ScenarioException e) {
      return e.problems();
    }
  }
}
