package dev.cascade.core.unit;

/**
 * A value in a scenario file that does not parse as the kind its field requires, such as {@code
 * "50kk/s"} where a rate is expected. The message has the form {@code "50kk/s" is not a rate
 * (expected e.g. 50k/s)}; the scenario binder prefixes it with the file position and field name.
 */
public final class UnitException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String text;
  private final String kind;
  private final String expected;

  /**
   * Creates the exception.
   *
   * @param text the offending text, as written
   * @param kind the value kind that was required, e.g. {@code rate}
   * @param expected what would have been accepted, e.g. {@code e.g. 50k/s}
   */
  public UnitException(String text, String kind, String expected) {
    super('"' + text + "\" is not a " + kind + " (expected " + expected + ")");
    this.text = text;
    this.kind = kind;
    this.expected = expected;
  }

  /** The offending text, as written. */
  public String text() {
    return text;
  }

  /** The value kind that was required, e.g. {@code rate}. */
  public String kind() {
    return kind;
  }

  /** What would have been accepted, e.g. {@code e.g. 50k/s}. */
  public String expected() {
    return expected;
  }
}
