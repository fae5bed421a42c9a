package dev.cascade.cli;

import dev.cascade.model.estimate.EstimateLine;
import dev.cascade.model.estimate.Estimator;
import dev.cascade.scenario.spec.Scenario;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cascade estimate}: the back-of-envelope arithmetic, before any simulation. */
@Command(
    name = "estimate",
    mixinStandardHelpOptions = true,
    versionProvider = CascadeCommand.Version.class,
    description =
        "Back-of-envelope capacity arithmetic from the file alone: load split, per-node load"
            + " against capacity, thread occupancy, and each single loss.")
final class EstimateCommand implements Callable<Integer> {

  @ParentCommand CascadeCommand root;

  @Parameters(paramLabel = "SCENARIO", description = "A scenario file or a built-in name.")
  String scenario;

  @Option(names = "--variant", paramLabel = "NAME", description = "Estimate this variant.")
  String variant;

  @Mixin ScenarioOptions options;

  @Override
  public Integer call() {
    Scenario s =
        RunSupport.load(
            scenario, options, List.of(), variant == null ? List.of() : List.of(variant));
    var model =
        variant == null ? s.base() : RunCommand.cases(s, List.of(variant), false).get(0).model();
    List<EstimateLine> lines = Estimator.estimate(model);
    root.out.println(
        s.name() + ": estimate at full scale (arithmetic only; `cascade run` simulates it)");
    String situation = null;
    for (EstimateLine l : lines) {
      if (!l.situation().equals(situation)) {
        situation = l.situation();
        root.out.printf(
            "%n%s%n", situation.equals("normal") ? "normal operation" : "if " + situation);
      }
      String what = l.component() + " " + l.quantity();
      root.out.printf(
          Locale.ROOT, "  %-42s %-26s %s%n", what, Reports.format(l), join(l.verdict(), l.note()));
    }
    return ExitCodes.OK;
  }

  private static String join(String a, String b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isEmpty() ? a : a + "; " + b;
  }
}
