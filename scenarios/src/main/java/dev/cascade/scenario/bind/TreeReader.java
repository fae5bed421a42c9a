package dev.cascade.scenario.bind;

import dev.cascade.scenario.bind.Node.Field;
import dev.cascade.scenario.bind.Node.ListNode;
import dev.cascade.scenario.bind.Node.MapNode;
import dev.cascade.scenario.bind.Node.Scalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads YAML or JSON text into a {@link Node} tree with Jackson's streaming parser, keeping the
 * line and column of every key and value (Jackson reports both 1-based). Scalars keep their text as
 * written. A syntax error becomes one problem at the parser's position; a duplicate key is a
 * problem too, since YAML parsers would otherwise keep the last one silently.
 *
 * <p>Limits, each reported as one problem at the offending position rather than as a crash or an
 * exhausted heap: at most {@value #MAX_CHARS} characters, {@value #MAX_DEPTH} levels of nesting and
 * {@value #MAX_VALUES} values (a scenario has a few hundred); no control characters (binary data);
 * no YAML aliases ({@code *name}). Jackson's streaming parser does not expand aliases: it hands
 * back the anchor's name as a string, which would silently become a wrong value, and expanding them
 * is what an alias bomb ("billion laughs") exploits. Anchors alone are harmless and ignored.
 */
final class TreeReader {

  /** Longest text read, in characters; below snakeyaml-engine's own 3M code point limit. */
  static final int MAX_CHARS = 2 * 1024 * 1024;

  /** Deepest nesting of maps and lists; a scenario needs about 10. */
  static final int MAX_DEPTH = 64;

  /** Most values (scalars, maps and lists) in one document. */
  static final int MAX_VALUES = 100_000;

  private static final YAMLFactory YAML = YAMLFactory.builder().build();
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final String source;
  private final Problems problems;
  private int values;

  private TreeReader(String source, Problems problems) {
    this.source = source;
    this.problems = problems;
  }

  /**
   * Parses {@code text}; JSON when {@code source} ends with {@code .json}, YAML otherwise.
   *
   * @return the root node, or null after a syntax error (reported to {@code problems})
   */
  static Node read(String text, String source, Problems problems) {
    TokenStreamFactory factory = source.endsWith(".json") ? JSON : YAML;
    return new TreeReader(source, problems).parse(factory, text);
  }

  /** Parses a YAML fragment, such as the value of a {@code --set PATH=VALUE} option. */
  static Node readFragment(String text, String source, Problems problems) {
    return new TreeReader(source, problems).parse(YAML, text);
  }

  private Node parse(TokenStreamFactory factory, String text) {
    if (text.length() > MAX_CHARS) {
      problems.add(
          Position.of(source, 1, 1),
          "",
          "the text has "
              + text.length()
              + " characters; a scenario may have at most "
              + MAX_CHARS
              + " (2 MB)");
      return null;
    }
    if (!controlCharacterFree(text)) {
      return null;
    }
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        problems.add(Position.of(source, 1, 1), "", "the document is empty");
        return null;
      }
      return value(p, t, "", 1);
    } catch (LimitReached e) {
      problems.add(e.position, e.path, e.getMessage());
      return null;
    } catch (JacksonException e) {
      TokenStreamLocation loc = e.getLocation();
      int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
      int col = loc == null ? 1 : Math.max(1, loc.getColumnNr());
      problems.add(Position.of(source, line, col), "", "not valid syntax: " + summary(e) + hint(e));
      return null;
    }
  }

  /**
   * Reports the first character that YAML 1.2 does not allow in a stream (C0 and C1 controls other
   * than tab, line feed, carriage return and next line; U+FFFE and U+FFFF), which in practice means
   * binary data, at its line and column.
   *
   * @return true when there is none
   */
  private boolean controlCharacterFree(String text) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
      } else if ((c < 0x20 && c != '\t' && c != '\r')
          || (c >= 0x7f && c <= 0x9f && c != 0x85)
          || c == 0xfffe
          || c == 0xffff) {
        problems.add(
            Position.of(source, line, text.codePointCount(lineStart, i) + 1),
            "",
            String.format(
                Locale.ROOT,
                "control character U+%04X is not allowed in a scenario (is this a binary file?)",
                (int) c));
        return false;
      }
    }
    return true;
  }

  private Node value(JsonParser p, JsonToken t, String path, int depth) {
    Position pos = position(p);
    if (++values > MAX_VALUES) {
      throw new LimitReached(
          pos, "", "the document has more than " + MAX_VALUES + " values; is this a scenario?");
    }
    if (p instanceof YAMLParser y && y.isCurrentAlias()) {
      throw new LimitReached(
          pos,
          path,
          "YAML aliases are not supported (*" + p.getString() + "): write the value out in full");
    }
    if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth > MAX_DEPTH) {
      throw new LimitReached(
          pos, "", "nested more than " + MAX_DEPTH + " levels deep; is this a scenario?");
    }
    switch (t) {
      case START_OBJECT:
        return map(p, pos, path, depth);
      case START_ARRAY:
        List<Node> items = new ArrayList<>();
        for (JsonToken next = p.nextToken(); next != JsonToken.END_ARRAY; next = p.nextToken()) {
          items.add(value(p, next, path + "[" + items.size() + "]", depth + 1));
        }
        return new ListNode(items, pos);
      case VALUE_NULL:
        return new Scalar("", Scalar.Type.NULL, pos);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new Scalar(p.getString(), Scalar.Type.BOOLEAN, pos);
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new Scalar(plain(p.getString()), Scalar.Type.NUMBER, pos);
      default:
        return new Scalar(p.getString(), Scalar.Type.STRING, pos);
    }
  }

  /** A number token in plain decimal: JSON's {@code 1e-4} becomes {@code 0.0001}. */
  private static String plain(String number) {
    if (number.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)")) {
      return new java.math.BigDecimal(number).toPlainString();
    }
    return number;
  }

  private MapNode map(JsonParser p, Position pos, String path, int depth) {
    List<Field> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String key = p.currentName();
      Position keyPos = position(p);
      String keyPath =
          path.isEmpty() || TreeEditor.NAMED_SECTIONS.contains(path) ? key : path + "." + key;
      Node value = value(p, p.nextToken(), keyPath, depth + 1);
      if (!seen.add(key)) {
        problems.add(keyPos, keyPath, "duplicate key \"" + key + "\"");
        continue;
      }
      fields.add(new Field(key, keyPos, value));
    }
    return new MapNode(fields, pos);
  }

  private Position position(JsonParser p) {
    TokenStreamLocation loc = p.currentTokenLocation();
    return Position.of(source, Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
  }

  /** A limit of this reader was reached: stops the parse with one problem. */
  private static final class LimitReached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Position position;
    private final String path;

    LimitReached(Position position, String path, String message) {
      super(message, null, false, false);
      this.position = position;
      this.path = path;
    }
  }

  /** A hint for a likely cause: {@code set: {app.steps[1].work: ...}} is not valid YAML. */
  private static String hint(JacksonException e) {
    String m = e.getOriginalMessage();
    return m.contains("flow mapping") && m.contains("but got [")
        ? " (a path with [i] inside {...} must be quoted, \"app.steps[1].work\": ..., or written"
            + " one per line)"
        : "";
  }

  /** The parser's own words without its echo of the input lines. */
  private static String summary(JacksonException e) {
    String message = e.getOriginalMessage();
    List<String> kept = new ArrayList<>();
    for (String line : message.split("\n")) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("in reader") && !l.equals("^") && !line.startsWith(" ")) {
        kept.add(l);
      }
    }
    return kept.isEmpty() ? message.strip() : String.join(", ", kept);
  }
}
