package dev.cascade.cli;

import dev.cascade.scenario.output.CascadeVersion;
import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code cascade} command. */
@Command(
    name = "cascade",
    mixinStandardHelpOptions = true,
    versionProvider = CascadeCommand.Version.class,
    description = "Capacity and cascading-failure simulator.",
    subcommands = {
      RunCommand.class,
      CompareCommand.class,
      SweepCommand.class,
      MergeCommand.class,
      CheckCommand.class,
      ValidateCommand.class,
      ListCommand.class,
      ShowCommand.class,
      EstimateCommand.class,
      ExplainCommand.class,
      PlanCommand.class,
      SchemaCommand.class,
      CommandLine.HelpCommand.class
    })
public final class CascadeCommand implements Runnable {

  final PrintStream out;
  final PrintStream err;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  CascadeCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public void run() {
    spec.commandLine().usage(out);
  }

  /** {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "cascade " + CascadeVersion.current(),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
