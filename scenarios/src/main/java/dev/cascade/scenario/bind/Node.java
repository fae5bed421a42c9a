package dev.cascade.scenario.bind;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A scenario document as read from YAML or JSON, with the position of every value and key: scalars
 * keep their text exactly as written ({@code 50k/s}, {@code 1.50}), so the binder parses them with
 * the unit parsers and the resolved file repeats them. Immutable: editing (variants, {@code --set})
 * makes new nodes.
 */
sealed interface Node permits Node.Scalar, Node.MapNode, Node.ListNode {

  /** Where the value starts. */
  Position pos();

  /** A copy with every position (keys included) mapped by {@code f}. */
  Node relocate(UnaryOperator<Position> f);

  /** Words for messages: {@code a map}, {@code a list}, {@code "50k/s"}. */
  String describe();

  /** A scalar: text as written, and what the syntax made of it. */
  record Scalar(String text, Type type, Position pos) implements Node {

    /** The syntactic type; values are parsed from the text whatever it is. */
    enum Type {
      STRING,
      NUMBER,
      BOOLEAN,
      NULL
    }

    /** A string scalar, typed as a number or boolean when its text reads as one. */
    static Scalar of(String text, Position pos) {
      Type type = Type.STRING;
      if (text.matches("-?\\d+(\\.\\d+)?")) {
        type = Type.NUMBER;
      } else if (text.equals("true") || text.equals("false")) {
        type = Type.BOOLEAN;
      }
      return new Scalar(text, type, pos);
    }

    /** Whether this is {@code none} or a YAML null, meaning "no value". */
    boolean isNone() {
      return type == Type.NULL || text.equals("none");
    }

    @Override
    public Node relocate(UnaryOperator<Position> f) {
      return new Scalar(text, type, f.apply(pos));
    }

    @Override
    public String describe() {
      return '"' + text + '"';
    }
  }

  /** A key with its position and value. */
  record Field(String key, Position keyPos, Node value) {}

  /** A mapping in document order. */
  record MapNode(List<Field> fields, Position pos) implements Node {

    public MapNode {
      fields = List.copyOf(fields);
    }

    static MapNode empty(Position pos) {
      return new MapNode(List.of(), pos);
    }

    Field field(String key) {
      for (Field f : fields) {
        if (f.key().equals(key)) {
          return f;
        }
      }
      return null;
    }

    Node get(String key) {
      Field f = field(key);
      return f == null ? null : f.value();
    }

    List<String> keys() {
      return fields.stream().map(Field::key).toList();
    }

    /** A copy with {@code field} replacing the one of the same key, or appended. */
    MapNode with(Field field) {
      List<Field> out = new ArrayList<>(fields);
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i).key().equals(field.key())) {
          out.set(i, field);
          return new MapNode(out, pos);
        }
      }
      out.add(field);
      return new MapNode(out, pos);
    }

    /** A copy with {@code key}'s value replaced, keeping the key's position. */
    MapNode with(String key, Node value) {
      Field f = field(key);
      return with(new Field(key, f == null ? value.pos() : f.keyPos(), value));
    }

    MapNode without(String key) {
      return new MapNode(fields.stream().filter(f -> !f.key().equals(key)).toList(), pos);
    }

    @Override
    public Node relocate(UnaryOperator<Position> f) {
      List<Field> out = new ArrayList<>();
      for (Field field : fields) {
        out.add(new Field(field.key(), f.apply(field.keyPos()), field.value().relocate(f)));
      }
      return new MapNode(out, f.apply(pos));
    }

    @Override
    public String describe() {
      return "a map";
    }
  }

  /** A sequence. */
  record ListNode(List<Node> items, Position pos) implements Node {

    public ListNode {
      items = List.copyOf(items);
    }

    ListNode with(int index, Node value) {
      List<Node> out = new ArrayList<>(items);
      out.set(index, value);
      return new ListNode(out, pos);
    }

    @Override
    public Node relocate(UnaryOperator<Position> f) {
      return new ListNode(items.stream().map(n -> n.relocate(f)).toList(), f.apply(pos));
    }

    @Override
    public String describe() {
      return "a list";
    }
  }
}
