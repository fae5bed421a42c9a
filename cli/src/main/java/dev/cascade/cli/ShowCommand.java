package dev.cascade.cli;

import dev.cascade.scenario.spec.Scenario;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cascade show}: the fully resolved scenario as YAML. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    versionProvider = CascadeCommand.Version.class,
    description = "Print the fully resolved scenario (defaults filled in, --variant applied).")
final class ShowCommand implements Callable<Integer> {

  @ParentCommand CascadeCommand root;

  @Parameters(paramLabel = "SCENARIO", description = "A scenario file or a built-in name.")
  String scenario;

  @Option(names = "--variant", paramLabel = "NAME", description = "Apply this variant.")
  String variant;

  @Mixin ScenarioOptions options;

  @Override
  public Integer call() {
    Scenario s =
        RunSupport.load(
            scenario, options, List.of(), variant == null ? List.of() : List.of(variant));
    if (variant == null) {
      root.out.print(s.resolvedYaml());
    } else {
      RunCommand.cases(s, List.of(variant), false);
      root.out.print(s.variant(variant).resolvedYaml());
    }
    return ExitCodes.OK;
  }
}
