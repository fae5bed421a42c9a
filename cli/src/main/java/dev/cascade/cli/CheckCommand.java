package dev.cascade.cli;

import dev.cascade.scenario.run.CaseResult;
import dev.cascade.scenario.run.CheckResult;
import dev.cascade.scenario.run.ScenarioResult;
import dev.cascade.scenario.spec.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cascade check}: run scenarios and evaluate their checks, for CI. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = CascadeCommand.Version.class,
    description = "Run scenarios and evaluate their checks; exit 1 if any fails.")
final class CheckCommand implements Callable<Integer> {

  @ParentCommand CascadeCommand root;

  @Parameters(paramLabel = "SCENARIO", arity = "1..*", description = "Scenario files or names.")
  List<String> scenarios = new ArrayList<>();

  @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML here.")
  Path junit;

  @Mixin ScenarioOptions options;

  @Override
  public Integer call() {
    List<ScenarioResult> results = new ArrayList<>();
    boolean passed = true;
    boolean interrupted = false;
    // Load every file first: a bad one fails the command before anything runs.
    List<Scenario> loaded = new ArrayList<>();
    for (String s : scenarios) {
      loaded.add(RunSupport.load(s, options, List.of()));
    }
    for (Scenario s : loaded) {
      if (scenarios.size() > 1 && options.out != null) {
        throw new Main.UserError("--out with several scenarios: each writes out/<scenario>/");
      }
      try (RunSupport.Interrupt interrupt = new RunSupport.Interrupt()) {
        ScenarioResult r =
            RunSupport.run(s, RunCommand.cases(s, List.of(), false), options, root.err, interrupt);
        RunSupport.write(r, options);
        results.add(r);
        root.out.println(s.name() + ":");
        boolean ok = RunSupport.printChecks(r, root.out);
        if (r.cases().stream().allMatch(c -> c.checks().isEmpty())) {
          root.out.println("  (no checks)");
        }
        passed &= ok;
        if (interrupt.cancellation.isCancelled()) {
          interrupted = true;
          break;
        }
      }
    }
    if (junit != null) {
      writeJunit(results);
    }
    if (interrupted) {
      return ExitCodes.INTERRUPTED;
    }
    return passed ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
  }

  private void writeJunit(List<ScenarioResult> results) {
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    int tests = 0;
    int failures = 0;
    StringBuilder suites = new StringBuilder();
    for (ScenarioResult r : results) {
      int t = 0;
      int f = 0;
      StringBuilder cases = new StringBuilder();
      for (CaseResult c : r.cases()) {
        for (CheckResult cr : c.checks()) {
          t++;
          String name =
              c.kase().label()
                  + ": "
                  + cr.check().metric()
                  + " "
                  + cr.check().window()
                  + " "
                  + cr.check().stat()
                  + " "
                  + cr.check().bound();
          cases
              .append("    <testcase classname=\"")
              .append(xml(r.scenario().name()))
              .append("\" name=\"")
              .append(xml(name))
              .append("\" time=\"0\">");
          String got =
              String.format(
                      Locale.ROOT,
                      "value %s (ci95 %s)%s",
                      RunSupport.number(cr.value()),
                      RunSupport.number(cr.ci95()),
                      cr.marginal() ? ", marginal: the interval straddles the bound" : "")
                  + (Double.isNaN(cr.value()) ? "; " + RunSupport.noData(c, cr) : "");
          if (!cr.passed()) {
            f++;
            cases
                .append("\n      <failure message=\"")
                .append(xml(got + "; bound " + cr.check().bound()))
                .append("\" type=\"CheckFailed\"/>\n    ");
          } else if (cr.marginal()) {
            cases.append("\n      <system-out>").append(xml(got)).append("</system-out>\n    ");
          }
          cases.append("</testcase>\n");
        }
      }
      tests += t;
      failures += f;
      suites
          .append("  <testsuite name=\"")
          .append(xml(r.scenario().name()))
          .append("\" tests=\"")
          .append(t)
          .append("\" failures=\"")
          .append(f)
          .append("\" errors=\"0\" skipped=\"0\" time=\"")
          .append(String.format(Locale.ROOT, "%.3f", r.wallSeconds()))
          .append("\">\n")
          .append(cases)
          .append("  </testsuite>\n");
    }
    x.append("<testsuites name=\"cascade check\" tests=\"")
        .append(tests)
        .append("\" failures=\"")
        .append(failures)
        .append("\">\n")
        .append(suites)
        .append("</testsuites>\n");
    try {
      Path parent = junit.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Path tmp = Files.createTempFile(parent, ".junit", ".xml");
      Files.writeString(tmp, x, StandardCharsets.UTF_8);
      Files.move(
          tmp,
          junit,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + junit + ": " + e.getMessage(), e);
    }
  }

  static String xml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
