package dev.cascade.cli;

import dev.cascade.core.result.SimEvent;
import dev.cascade.scenario.run.CaseResult;
import dev.cascade.scenario.run.ScenarioResult;
import dev.cascade.scenario.spec.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cascade explain}: run, then tell the incident's timeline in words. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = CascadeCommand.Version.class,
    description =
        "Run the scenario, then print the timeline in words relative to the first fault,"
            + " followed by the numbers that matter per window.")
final class ExplainCommand implements Callable<Integer> {

  @ParentCommand CascadeCommand root;

  @Parameters(paramLabel = "SCENARIO", description = "A scenario file or a built-in name.")
  String scenario;

  @Option(names = "--variant", paramLabel = "NAME", description = "Explain only this variant.")
  List<String> variants = new ArrayList<>();

  @Mixin ScenarioOptions options;

  @Override
  public Integer call() {
    Scenario s = RunSupport.load(scenario, options, List.of(), variants);
    try (RunSupport.Interrupt interrupt = new RunSupport.Interrupt()) {
      ScenarioResult result =
          RunSupport.run(s, RunCommand.cases(s, variants, false), options, root.err, interrupt);
      RunSupport.write(result, options);
      for (CaseResult c : result.cases()) {
        if (c.summary() != null) {
          root.out.println();
          root.out.println("== " + c.kase().label());
          for (String line : timeline(c.summary().events())) {
            root.out.println("  " + line);
          }
        }
      }
      Digest.print(result, root.out);
      boolean passed = RunSupport.printChecks(result, root.out);
      return RunSupport.exitCode(result, passed, interrupt);
    }
  }

  /** The events of one run as lines "T+4.8s gateway shedding_started: ...". */
  static List<String> timeline(List<SimEvent> events) {
    double t0 =
        events.stream()
            .filter(e -> e.event().equals("fault_injected"))
            .mapToDouble(SimEvent::timeSeconds)
            .min()
            .orElse(0);
    List<String> lines = new ArrayList<>();
    if (events.isEmpty()) {
      lines.add("(no events: nothing failed, nothing changed state)");
    }
    for (SimEvent e : events) {
      if (e.event().equals("fault_injected")
          && events.stream()
              .anyMatch(
                  o ->
                      o.timeSeconds() == e.timeSeconds()
                          && o.component().equals(e.component())
                          && !o.event().startsWith("fault_"))) {
        continue; // "redis crashed" says it better than "redis fault_injected"
      }
      lines.add(
          String.format(
              Locale.ROOT,
              "%-10s %s %s%s",
              relative(e.timeSeconds() - t0),
              e.component(),
              e.event().replace('_', ' '),
              e.detail().isEmpty() ? "" : ": " + e.detail()));
    }
    return lines;
  }

  static String relative(double dt) {
    String sign = dt < 0 ? "-" : "+";
    double a = Math.abs(dt);
    String body;
    if (Math.round(a * 10) < 600) {
      body = String.format(Locale.ROOT, "%.1fs", a).replace(".0s", "s");
    } else if (Math.round(a) < 3600) {
      long s = Math.round(a); // round first: 17m59.6s is 18m00s, never 17m60s
      body = String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    } else {
      long m = Math.round(a / 60);
      body = String.format(Locale.ROOT, "%dh%02dm", m / 60, m % 60);
    }
    return "T" + sign + body;
  }
}
