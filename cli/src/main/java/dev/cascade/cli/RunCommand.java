package dev.cascade.cli;

import dev.cascade.scenario.run.ScenarioResult;
import dev.cascade.scenario.spec.Case;
import dev.cascade.scenario.spec.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cascade run}: simulate every variant (or the chosen ones) and write the output folder. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = CascadeCommand.Version.class,
    description = "Simulate every variant (or --variant NAME) and write the output folder.")
class RunCommand implements Callable<Integer> {

  @ParentCommand CascadeCommand root;

  @Parameters(paramLabel = "SCENARIO", description = "A scenario file or a built-in name.")
  String scenario;

  @Option(names = "--variant", paramLabel = "NAME", description = "Run only this variant.")
  List<String> variants = new ArrayList<>();

  @Mixin ScenarioOptions options;

  @Override
  public Integer call() {
    Scenario s = RunSupport.load(scenario, options, List.of(), variants);
    List<Case> cases = cases(s, variants, false);
    try (RunSupport.Interrupt interrupt = new RunSupport.Interrupt()) {
      ScenarioResult result = RunSupport.run(s, cases, options, root.err, interrupt);
      Path dir = RunSupport.write(result, options);
      boolean passed;
      if (options.json) {
        RunSupport.printJson(result, root.out);
        passed =
            result.cases().stream().allMatch(c -> c.checks().stream().allMatch(ch -> ch.passed()));
      } else {
        report(s, result, dir);
        passed = RunSupport.printChecks(result, root.out);
      }
      return RunSupport.exitCode(result, passed, interrupt);
    }
  }

  void report(Scenario s, ScenarioResult result, Path dir) {
    root.out.printf(
        "%s: %d variant(s) x %d replication(s), %.1f s wall; results in %s%n",
        s.name(), result.cases().size(), s.replications(), result.wallSeconds(), dir);
    if (s.base().scale() != 1) {
      root.out.printf(
          "scale %s: rates, instances and nodes simulated at this fraction%s%n",
          RunSupport.number(s.base().scale()),
          s.base().proportionalPools()
              ? " (pools proportional: a simulated node or instance may be part of a real one)"
              : "");
    }
    Digest.print(result, root.out);
    root.out.println();
  }

  static List<Case> cases(Scenario s, List<String> variants, boolean sweep) {
    for (String v : variants) {
      if (!s.variantNames().contains(v)) {
        throw new Main.UserError(
            "no variant "
                + v
                + " in "
                + s.name()
                + " (variants: "
                + String.join(", ", s.variantNames())
                + ")");
      }
    }
    return s.cases(variants.isEmpty() ? s.variantNames() : variants, sweep);
  }
}
