package dev.cascade.scenario.bind;

import java.util.List;

/**
 * A scenario that cannot be loaded: every problem found, in file order. The message lists them one
 * per line, so a command line prints it as is (exit code 2, no stack trace).
 */
public final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /** Creates the exception; {@code problems} must not be empty. */
  public ScenarioException(List<Problem> problems) {
    super(String.join("\n", problems.stream().map(Problem::toString).toList()));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("no problems");
    }
    this.problems = List.copyOf(problems);
  }

  /** The problems, in file order. */
  public List<Problem> problems() {
    return problems;
  }
}
