package dev.cascade.scenario.bind;

import dev.cascade.core.unit.UnitException;
import dev.cascade.scenario.bind.Node.Field;
import dev.cascade.scenario.bind.Node.ListNode;
import dev.cascade.scenario.bind.Node.MapNode;
import dev.cascade.scenario.bind.Node.Scalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of one mapping of a scenario, the way a binder needs them: typed getters with
 * the default as text (as a user would write it), problems with the field's path and position, and
 * an output mapping holding every field read, defaults included, in reading order — the resolved
 * document. Every field a binder asks for becomes known; {@link #finishAll()} then reports the
 * fields nobody asked for as unknown, with the closest known name.
 *
 * <p>{@code none} (or an empty YAML value) means "no value": optional sections are then absent,
 * fields with a meaning for none (no expiry, no limit) get it, and other fields their default.
 */
final class MapReader {

  private final MapNode node;
  private final Position at;
  private final String path;
  private final Problems problems;
  private final List<MapReader> all;
  private final boolean broken;
  private final Map<String, Object> out = new LinkedHashMap<>();
  private final Set<String> known = new LinkedHashSet<>();

  private MapReader(Node node, Position at, String path, Problems problems, List<MapReader> all) {
    this.at = at;
    this.path = path;
    this.problems = problems;
    this.all = all;
    if (node instanceof MapNode m) {
      this.node = m;
      this.broken = false;
    } else {
      this.node = MapNode.empty(at);
      this.broken = node != null;
      if (broken) {
        problems.add(node.pos(), path, "expected a map of fields, got " + node.describe());
      }
    }
    all.add(this);
  }

  /** A reader of the document's root mapping. */
  static MapReader root(Node node, Problems problems) {
    Position at = node == null ? Position.of("?", 1, 1) : node.pos();
    return new MapReader(node, at, "", problems, new ArrayList<>());
  }

  /** Path of one of this mapping's fields. */
  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Where this mapping is (its key, when it has one). */
  Position pos() {
    return at;
  }

  Problems problems() {
    return problems;
  }

  /** The resolved fields read so far, in reading order (live). */
  Map<String, Object> out() {
    return out;
  }

  /** Keys present in the mapping, in document order. */
  List<String> keys() {
    return node.keys();
  }

  /** Whether {@code key} has a value other than none (does not mark it known). */
  boolean has(String key) {
    Node n = node.get(key);
    return n != null && !(n instanceof Scalar s && s.isNone());
  }

  /** Position of {@code key}'s value, or of this mapping when absent. */
  Position posOf(String key) {
    Node n = node.get(key);
    return n == null ? at : n.pos();
  }

  /** Position of {@code key} itself, or of this mapping when absent. */
  Position keyPos(String key) {
    Field f = node.field(key);
    return f == null ? at : f.keyPos();
  }

  /** Marks keys as known without reading them (they belong to another binder). */
  void skip(String... keys) {
    known.addAll(List.of(keys));
  }

  /** A required or defaulted value; none counts as absent. */
  <T> T get(String key, String def, Kind<T> kind) {
    Scalar s = scalar(key);
    if (s == null) {
      return missing(key, def, kind);
    }
    return parse(key, s, kind);
  }

  /** A value for which none means {@code noneValue}; {@code def} may itself be {@code none}. */
  <T> T getOrNone(String key, String def, Kind<T> kind, T noneValue) {
    Node n = node.get(key);
    known.add(key);
    if (n instanceof Scalar s && s.isNone() || n == null && "none".equals(def)) {
      out.put(key, Scalar.of("none", at));
      return noneValue;
    }
    Scalar s = scalar(key);
    return s == null ? missing(key, def, kind) : parse(key, s, kind);
  }

  /** An integer field (a count such as {@code 200} or {@code 10k}) of at least {@code min}. */
  int integer(String key, String def, int min) {
    long v = get(key, def, Kind.COUNT);
    if (v < min || v > Integer.MAX_VALUE) {
      invalid(key, "a whole number >= " + min);
      return min;
    }
    return (int) v;
  }

  /** One of {@code ids}, returned as the constant of {@code values} at the same index. */
  <E extends Enum<E>> E choice(String key, String def, E[] values, String... ids) {
    List<String> idList = List.of(ids);
    String text =
        idList.contains("none") ? getOrNone(key, def, Kind.TEXT, "none") : get(key, def, Kind.TEXT);
    for (int i = 0; i < ids.length; i++) {
      if (ids[i].equals(text)) {
        return values[i];
      }
    }
    if (!text.isEmpty()) {
      problem(key, '"' + text + "\" is not a valid " + key + " " + Suggest.hint(text, idList));
    }
    return values[0];
  }

  /** An optional section: a reader, or null when absent or none (written as none). */
  MapReader section(String key) {
    known.add(key);
    Field f = node.field(key);
    if (f == null || f.value() instanceof Scalar s && s.isNone()) {
      out.put(key, Scalar.of("none", at));
      return null;
    }
    return child(key, f);
  }

  /** A section with defaults: a reader over its fields, or over nothing when absent. */
  MapReader sectionOrEmpty(String key) {
    known.add(key);
    Field f = node.field(key);
    if (f == null || f.value() instanceof Scalar s && s.isNone()) {
      MapReader r = new MapReader(null, at, path(key), problems, all);
      out.put(key, r.out);
      return r;
    }
    return child(key, f);
  }

  /** A mapping of named sections ({@code components}, {@code breakers}, ...), in file order. */
  Map<String, MapReader> named(String key) {
    known.add(key);
    Map<String, Object> namedOut = new LinkedHashMap<>();
    out.put(key, namedOut);
    Map<String, MapReader> readers = new LinkedHashMap<>();
    Node n = node.get(key);
    if (n == null || n instanceof Scalar s && s.isNone()) {
      return readers;
    }
    if (!(n instanceof MapNode m)) {
      problems.add(n.pos(), path(key), "expected a map of named entries, got " + n.describe());
      return readers;
    }
    for (Field f : m.fields()) {
      // Components, breakers and classes are addressed by bare name, as in set paths.
      String entryPath =
          TreeEditor.NAMED_SECTIONS.contains(key) ? f.key() : path(key) + "." + f.key();
      MapReader r = new MapReader(f.value(), f.keyPos(), entryPath, problems, all);
      try {
        Kind.NAME.parse(f.key());
      } catch (UnitException e) {
        problems.add(f.keyPos(), entryPath, e.getMessage());
      }
      namedOut.put(f.key(), r.out);
      readers.put(f.key(), r);
    }
    return readers;
  }

  /** A list of mappings ({@code steps}, {@code faults}, ...); absent or none is empty. */
  List<MapReader> maps(String key) {
    List<MapReader> readers = new ArrayList<>();
    List<Object> listOut = new ArrayList<>();
    for (Node item : items(key)) {
      String itemPath = path(key) + "[" + readers.size() + "]";
      MapReader r = new MapReader(item, item.pos(), itemPath, problems, all);
      listOut.add(r.out);
      readers.add(r);
    }
    out.put(key, listOut);
    return readers;
  }

  /** A list of scalars; {@code defaults} when absent or none. */
  List<Scalar> scalars(String key, List<String> defaults) {
    List<Scalar> result = new ArrayList<>();
    Node n = node.get(key);
    if (n == null || n instanceof Scalar s && s.isNone()) {
      defaults.forEach(d -> result.add(Scalar.of(d, at)));
    } else {
      for (Node item : items(key)) {
        if (item instanceof Scalar s) {
          result.add(s);
        } else {
          problems.add(item.pos(), path(key), "expected a value, got " + item.describe());
        }
      }
    }
    known.add(key);
    out.put(key, new ArrayList<Object>(result));
    return result;
  }

  /** The raw node of {@code key} (null when absent), copied to the output as written. */
  Node raw(String key) {
    known.add(key);
    Node n = node.get(key);
    if (n != null) {
      out.put(key, n);
    }
    return n;
  }

  /** Reports that {@code key}'s value is out of range. */
  void invalid(String key, String expected) {
    Object written = out.get(key);
    String text = written instanceof Scalar s ? s.text() : String.valueOf(written);
    problem(key, '"' + text + "\" is out of range (expected " + expected + ")");
  }

  /** Reports a problem at {@code key}'s value (or at this mapping when absent). */
  void problem(String key, String message) {
    problems.add(posOf(key), path(key), message);
  }

  /** Reports a problem at this mapping (unless it is not a mapping, which is reported). */
  void problem(String message) {
    if (!broken) {
      problems.add(at, path, message);
    }
  }

  /** Whether {@code key} holds a mapping. */
  boolean hasMap(String key) {
    return node.get(key) instanceof MapNode;
  }

  /** Reports every field that no binder read, in every reader made from the same root. */
  void finishAll() {
    for (MapReader r : all) {
      r.reportUnknown();
    }
  }

  private void reportUnknown() {
    if (broken) {
      return;
    }
    for (Field f : node.fields()) {
      if (known.contains(f.key())) {
        continue;
      }
      String hint = Suggest.hint(f.key(), known);
      Position.SetOrigin origin = f.keyPos().origin();
      if (origin != null) {
        problems.add(
            f.keyPos(),
            origin.site(),
            '"'
                + origin.path()
                + "\" names nothing: "
                + (path.isEmpty() ? "the scenario" : path)
                + " has no field \""
                + f.key()
                + "\" "
                + hint);
      } else {
        problems.add(f.keyPos(), path(f.key()), "unknown field \"" + f.key() + "\" " + hint);
      }
    }
  }

  private MapReader child(String key, Field f) {
    MapReader r = new MapReader(f.value(), f.keyPos(), path(key), problems, all);
    out.put(key, r.out);
    return r;
  }

  private List<Node> items(String key) {
    known.add(key);
    Node n = node.get(key);
    if (n == null || n instanceof Scalar s && s.isNone()) {
      return List.of();
    }
    if (n instanceof ListNode l) {
      return l.items();
    }
    problems.add(n.pos(), path(key), "expected a list, got " + n.describe());
    return List.of();
  }

  private Scalar scalar(String key) {
    known.add(key);
    Node n = node.get(key);
    if (n == null || n instanceof Scalar s && s.isNone()) {
      return null;
    }
    if (n instanceof Scalar s) {
      return s;
    }
    problems.add(n.pos(), path(key), "expected a value, got " + n.describe());
    out.put(key, n);
    return null;
  }

  private <T> T missing(String key, String def, Kind<T> kind) {
    if (out.containsKey(key)) {
      return kind.fallback(); // a map or list where a value belongs: already reported
    }
    if (def == null) {
      if (!broken) {
        Field f = node.field(key);
        if (f == null) {
          problems.add(keyPos(key), path(key), "required field is missing");
        } else {
          // At the none itself: a variant's set or a --set puts it elsewhere than the key.
          problems.add(f.value().pos(), path(key), "is required (not none)");
        }
      }
      return kind.fallback();
    }
    out.put(key, Scalar.of(def, at));
    return kind.parse(def);
  }

  private <T> T parse(String key, Scalar s, Kind<T> kind) {
    out.put(key, s);
    try {
      return kind.parse(s.text());
    } catch (IllegalArgumentException e) {
      problems.add(s.pos(), path(key), e.getMessage());
      return kind.fallback();
    }
  }
}
