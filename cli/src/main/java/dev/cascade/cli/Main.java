package dev.cascade.cli;

import dev.cascade.scenario.bind.ScenarioException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of the {@code cascade} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int code =
        execute(
            args,
            new PrintStream(System.out, true, StandardCharsets.UTF_8),
            new PrintStream(System.err, true, StandardCharsets.UTF_8));
    System.exit(code);
  }

  /** Runs the command line with the given streams and returns the exit code (tests use this). */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    return commandLine(out, err).execute(args);
  }

  /** The configured command line: subcommands, exception-to-exit-code mapping, streams. */
  public static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine cl = new CommandLine(new CascadeCommand(out, err));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(
        (ex, argv) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("cascade: " + ex.getMessage());
          boolean suggested =
              CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
          if (!suggested && ex instanceof CommandLine.UnmatchedArgumentException u) {
            String closest = closestSubcommand(c, u.getUnmatched());
            if (closest != null) {
              c.getErr().println("Did you mean: " + closest + "?");
              suggested = true;
            }
          }
          if (!suggested) {
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
          }
          return ExitCodes.BAD_INPUT;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parseResult) -> {
          PrintWriter e = c.getErr();
          if (ex instanceof ScenarioException se) {
            se.problems().forEach(p -> e.println(p.toString()));
            e.println(
                "cascade: "
                    + se.problems().size()
                    + (se.problems().size() == 1 ? " problem" : " problems")
                    + " in the scenario; nothing was written");
            return ExitCodes.BAD_INPUT;
          }
          if (ex instanceof UserError ue) {
            e.println("cascade: " + ue.getMessage());
            return ExitCodes.BAD_INPUT;
          }
          if (ex instanceof UncheckedIOException io) {
            e.println("cascade: " + io.getCause().getMessage());
            return ExitCodes.BAD_INPUT;
          }
          e.println("cascade: internal error: " + ex);
          if (debug(parseResult)) {
            ex.printStackTrace(e);
          } else {
            e.println("This is a bug. Rerun with --debug for the stack trace and report it.");
          }
          return ExitCodes.INTERNAL;
        });
    return cl;
  }

  /** The subcommand nearest to the first unmatched word (a typo of it), or null. */
  static String closestSubcommand(CommandLine c, java.util.List<String> unmatched) {
    if (unmatched.isEmpty() || c.getSubcommands().isEmpty()) {
      return null;
    }
    return dev.cascade.scenario.bind.Suggest.closest(unmatched.get(0), c.getSubcommands().keySet());
  }

  private static boolean debug(CommandLine.ParseResult parseResult) {
    CommandLine.ParseResult p = parseResult;
    while (p != null) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
      p = p.subcommand();
    }
    return false;
  }

  /** A user's mistake outside the scenario file (a bad option value, a missing file). */
  public static final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
      super(message);
    }
  }
}
