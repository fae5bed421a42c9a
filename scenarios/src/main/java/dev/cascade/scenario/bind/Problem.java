package dev.cascade.scenario.bind;

/**
 * One mistake in a scenario, printed as {@code file:line:col: path: message}, for example {@code
 * scenario.yaml:14:11: db.capacity: "50kk/s" is not a rate (expected e.g. 50k/s)}.
 *
 * @param position where the offending text is
 * @param path dotted path of the field, empty for the document itself
 * @param message what is wrong, with the offending text and what was expected
 */
public record Problem(Position position, String path, String message) {

  @Override
  public String toString() {
    return position + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }
}
