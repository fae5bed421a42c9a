package dev.cascade.cli;

/** The exit codes of CLI.md. */
public final class ExitCodes {

  /** Success, and every check passed. */
  public static final int OK = 0;

  /** A check failed, or {@code plan} found no value meeting the goal. */
  public static final int CHECK_FAILED = 1;

  /** Bad input: usage error, unreadable or invalid scenario. */
  public static final int BAD_INPUT = 2;

  /** Internal error (a bug). */
  public static final int INTERNAL = 3;

  /** Interrupted: finished runs written, the rest marked incomplete. */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
