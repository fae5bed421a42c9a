package dev.cascade.scenario.bind;

import dev.cascade.scenario.bind.Node.MapNode;
import dev.cascade.scenario.bind.Node.Scalar;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads command-line overrides: {@code --set PATH=VALUE} (applied to the document) and {@code
 * --param PATH=V1,V2,...} (a sweep). Their problems are positioned as {@code --set:N:C}: the N-th
 * option, column C of its text.
 */
final class Overrides {

  static final String SET = "--set";
  static final String PARAM = "--param";

  private Overrides() {}

  /** Applies every {@code PATH=VALUE} to {@code root}, in order. */
  static MapNode applySets(MapNode root, List<String> sets, Problems problems) {
    List<String> topLevel = new ArrayList<>(ModelBinder.MODEL_KEYS);
    topLevel.addAll(ScenarioBinder.SCENARIO_KEYS);
    MapNode out = root;
    for (int i = 0; i < sets.size(); i++) {
      String arg = sets.get(i);
      int eq = arg.indexOf('=');
      Position at = Position.of(SET, i + 1, 1);
      if (eq <= 0) {
        problems.add(at, SET, '"' + arg + "\" is not PATH=VALUE (expected e.g. db.nodes=24)");
        continue;
      }
      Node value = fragment(arg.substring(eq + 1), SET, i + 1, eq + 1, problems);
      if (value != null) {
        out = TreeEditor.set(out, arg.substring(0, eq).strip(), at, value, SET, topLevel, problems);
      }
    }
    return out;
  }

  /** Reads {@code PATH=V1,V2,...} options as a sweep. */
  static List<ScenarioBinder.Swept> params(List<String> params, Problems problems) {
    List<ScenarioBinder.Swept> out = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      String arg = params.get(i);
      int eq = arg.indexOf('=');
      Position at = Position.of(PARAM, i + 1, 1);
      if (eq <= 0 || eq == arg.length() - 1) {
        problems.add(
            at, PARAM, '"' + arg + "\" is not PATH=V1,V2,... (expected e.g. db.nodes=8,16,24)");
        continue;
      }
      List<Node> values = new ArrayList<>();
      int start = eq + 1;
      for (String v : splitTopLevel(arg.substring(start))) {
        Node n = fragment(v, PARAM, i + 1, start, problems);
        if (n != null) {
          values.add(n);
        }
        start += v.length() + 1;
      }
      out.add(new ScenarioBinder.Swept(arg.substring(0, eq).strip(), at, values));
    }
    return out;
  }

  /** Parses a YAML value written at column {@code offset + 1} of option {@code index}. */
  private static Node fragment(
      String text, String source, int index, int offset, Problems problems) {
    if (text.isBlank()) {
      return new Scalar("", Scalar.Type.NULL, Position.of(source, index, offset + 1));
    }
    Node n = TreeReader.readFragment(text, source, problems);
    if (n == null) {
      return null;
    }
    return n.relocate(p -> new Position(source, index, p.column() + offset, p.origin()));
  }

  /**
   * Splits on commas outside parentheses, brackets and braces: {@code lognormal(3ms,
   * 0.5),exp(2ms)}.
   */
  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }
}
