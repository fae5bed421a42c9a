package dev.cascade.cli;

import dev.cascade.scenario.builtin.BuiltinScenarios;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code cascade list}: the built-in scenarios, one line each. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = CascadeCommand.Version.class,
    description = "List the built-in scenarios.")
final class ListCommand implements Callable<Integer> {

  @ParentCommand CascadeCommand root;

  @Override
  public Integer call() {
    int width = BuiltinScenarios.list().stream().mapToInt(e -> e.name().length()).max().orElse(10);
    for (BuiltinScenarios.Entry e : BuiltinScenarios.list()) {
      root.out.printf("%-" + width + "s  %s%n", e.name(), firstSentence(e.description()));
    }
    return ExitCodes.OK;
  }

  private static String firstSentence(String s) {
    String flat = s.replaceAll("\\s+", " ").trim();
    int dot = flat.indexOf(". ");
    return dot > 0 ? flat.substring(0, dot + 1) : flat;
  }
}
