package dev.cascade.scenario.bind;

import dev.cascade.scenario.bind.Node.Field;
import dev.cascade.scenario.bind.Node.ListNode;
import dev.cascade.scenario.bind.Node.MapNode;
import dev.cascade.scenario.bind.Node.Scalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads YAML or JSON text into a {@link Node} tree with Jackson's streaming parser, keeping the
 * line and column of every key and value (Jackson reports both 1-based). Scalars keep their text as
 * written. A syntax error becomes one problem at the parser's position; a duplicate key is a
 * problem too, since YAML parsers would otherwise keep the last one silently.
 */
final class TreeReader {

  private static final YAMLFactory YAML = YAMLFactory.builder().build();
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final String source;
  private final Problems problems;

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
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        problems.add(Position.of(source, 1, 1), "", "the document is empty");
        return null;
      }
      return value(p, t, "");
    } catch (JacksonException e) {
      TokenStreamLocation loc = e.getLocation();
      int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
      int col = loc == null ? 1 : Math.max(1, loc.getColumnNr());
      problems.add(Position.of(source, line, col), "", "not valid syntax: " + summary(e));
      return null;
    }
  }

  private Node value(JsonParser p, JsonToken t, String path) {
    Position pos = position(p);
    switch (t) {
      case START_OBJECT:
        return map(p, pos, path);
      case START_ARRAY:
        List<Node> items = new ArrayList<>();
        for (JsonToken next = p.nextToken(); next != JsonToken.END_ARRAY; next = p.nextToken()) {
          items.add(value(p, next, path + "[" + items.size() + "]"));
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

  private MapNode map(JsonParser p, Position pos, String path) {
    List<Field> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String key = p.currentName();
      Position keyPos = position(p);
      String keyPath =
          path.isEmpty() || TreeEditor.NAMED_SECTIONS.contains(path) ? key : path + "." + key;
      Node value = value(p, p.nextToken(), keyPath);
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
