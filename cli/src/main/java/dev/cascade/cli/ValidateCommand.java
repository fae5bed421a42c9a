package dev.cascade.cli;

import dev.cascade.scenario.bind.LoadOptions;
import dev.cascade.scenario.bind.Problem;
import dev.cascade.scenario.bind.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cascade validate}: parse and check files without simulating. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = CascadeCommand.Version.class,
    description =
        "Check scenario files (references, units, paths) without simulating; exit 2 on the first"
            + " file with errors, after listing all of its errors.")
final class ValidateCommand implements Callable<Integer> {

  @ParentCommand CascadeCommand root;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files.")
  List<Path> files = new ArrayList<>();

  @Override
  public Integer call() {
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new Main.UserError(f + ": no such file");
      }
      List<Problem> problems = ScenarioLoader.validate(f, LoadOptions.NONE);
      if (!problems.isEmpty()) {
        problems.forEach(p -> root.err.println(p));
        root.err.printf(
            "cascade: %s: %d problem%s%n", f, problems.size(), problems.size() == 1 ? "" : "s");
        return ExitCodes.BAD_INPUT;
      }
      root.out.println(f + ": ok");
    }
    return ExitCodes.OK;
  }
}
