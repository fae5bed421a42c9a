package dev.cascade.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code cascade schema}: the JSON Schema of the scenario format. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    versionProvider = CascadeCommand.Version.class,
    description = "Print the JSON Schema of the scenario format, for editor completion.")
final class SchemaCommand implements Callable<Integer> {

  @ParentCommand CascadeCommand root;

  @Override
  public Integer call() {
    root.out.println(FormatSchema.json());
    return ExitCodes.OK;
  }
}
