package dev.cascade.scenario.bind;

/**
 * Where a value was written: the file (or {@code --set}), its 1-based line and column, and, for a
 * value that a variant's {@code set}, a sweep or a {@code --set} option put into the document, the
 * set entry that did it.
 *
 * @param source file name as given to the loader, or {@code --set} / {@code --param}
 * @param line 1-based line; for {@code --set} the 1-based index of the option
 * @param column 1-based column
 * @param origin the set entry that wrote the value, or null for a value written in the file
 */
public record Position(String source, int line, int column, SetOrigin origin) {

  /** A position in a file. */
  public static Position of(String source, int line, int column) {
    return new Position(source, line, column, null);
  }

  /** This position, marked as written by {@code origin}. */
  Position setBy(SetOrigin by) {
    return new Position(source, line, column, by);
  }

  /** {@code file:line:col}. */
  @Override
  public String toString() {
    return source + ":" + line + ":" + column;
  }

  /**
   * A {@code set} entry that changed the document.
   *
   * @param site where the entry lives, e.g. {@code variants.no-protection.set} or {@code --set}
   * @param path the dotted path as written, e.g. {@code gateway.shed}
   */
  public record SetOrigin(String site, String path) {}
}
