package dev.cascade.scenario.bind;

import dev.cascade.scenario.bind.Node.Field;
import dev.cascade.scenario.bind.Node.ListNode;
import dev.cascade.scenario.bind.Node.MapNode;
import dev.cascade.scenario.bind.Node.Scalar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies {@code set} entries and {@code add} sections to a scenario document before it is bound,
 * as variants, sweep points and {@code --set} options do. A path starts with the name of a
 * component, breaker or workload class, or with a top-level key; missing maps on the way are
 * created (so {@code gateway.shed.limit} adds a {@code shed} section); list indexes must exist. The
 * values written carry their set entry as origin, so a field the binder does not know is reported
 * as "names nothing" at the entry.
 */
final class TreeEditor {

  /** Sections where names live. */
  static final List<String> NAMED_SECTIONS = List.of("components", "breakers", "workload");

  private TreeEditor() {}

  /** Why a path names nothing. */
  private static final class NamesNothing extends Exception {
    private static final long serialVersionUID = 1L;

    NamesNothing(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Sets {@code value} at {@code pathText}; on error reports it at {@code keyPos} and returns
   * {@code root} unchanged.
   *
   * @param site where the entry lives, for messages: {@code variants.x.set}, {@code --set}
   * @param topLevel top-level keys the path may start with
   */
  static MapNode set(
      MapNode root,
      String pathText,
      Position keyPos,
      Node value,
      String site,
      List<String> topLevel,
      Problems problems) {
    Position.SetOrigin origin = new Position.SetOrigin(site, pathText);
    try {
      SetPath path = resolve(root, SetPath.parse(pathText), topLevel);
      Node marked = value.relocate(p -> p.setBy(origin));
      return (MapNode) put(root, path, 0, marked, keyPos.setBy(origin), "");
    } catch (IllegalArgumentException e) {
      problems.add(keyPos, site, e.getMessage());
    } catch (NamesNothing e) {
      problems.add(keyPos, site, '"' + pathText + "\" names nothing: " + e.getMessage());
    }
    return root;
  }

  /** Adds the named entries of {@code add} ({@code components}, ...) that do not exist yet. */
  static MapNode add(MapNode root, MapNode add, String site, Problems problems) {
    MapNode out = root;
    for (Field section : add.fields()) {
      if (!NAMED_SECTIONS.contains(section.key())) {
        problems.add(
            section.keyPos(),
            site + "." + section.key(),
            "cannot add to \""
                + section.key()
                + "\" "
                + Suggest.hint(section.key(), NAMED_SECTIONS));
        continue;
      }
      if (!(section.value() instanceof MapNode entries)) {
        problems.add(
            section.value().pos(),
            site + "." + section.key(),
            "expected a map of named entries, got " + section.value().describe());
        continue;
      }
      Node existing = out.get(section.key());
      MapNode target = existing instanceof MapNode m ? m : MapNode.empty(section.keyPos());
      for (Field entry : entries.fields()) {
        if (target.field(entry.key()) != null) {
          problems.add(
              entry.keyPos(),
              site + "." + section.key() + "." + entry.key(),
              "\"" + entry.key() + "\" already exists in " + section.key());
        } else {
          target = target.with(entry);
        }
      }
      out = out.with(section.key(), target);
    }
    return out;
  }

  /** Puts the path under its top-level key when it starts with a name. */
  private static SetPath resolve(MapNode root, SetPath path, List<String> topLevel)
      throws NamesNothing {
    String head = path.head();
    Set<String> names = new LinkedHashSet<>();
    for (String section : NAMED_SECTIONS) {
      if (root.get(section) instanceof MapNode m) {
        if (m.field(head) != null) {
          return path.under(section);
        }
        names.addAll(m.keys());
      }
    }
    if (topLevel.contains(head)) {
      return path;
    }
    if (ScenarioBinder.SCENARIO_KEYS.contains(head)) {
      throw new NamesNothing(
          "\""
              + head
              + "\" belongs to the scenario, not to a model: set it in the file or with --set");
    }
    names.addAll(topLevel);
    throw new NamesNothing(
        "no component, breaker, workload class or top-level field \""
            + head
            + "\" "
            + Suggest.hint(head, names));
  }

  private static Node put(Node node, SetPath path, int i, Node value, Position keyPos, String where)
      throws NamesNothing {
    List<SetPath.Step> steps = path.steps();
    SetPath.Step step = steps.get(i);
    boolean last = i == steps.size() - 1;
    String here =
        i < path.added()
            ? ""
            : where.isEmpty()
                ? step.toString()
                : step.isIndex() ? where + step : where + "." + step;
    if (step.isIndex()) {
      if (!(node instanceof ListNode list)) {
        throw new NamesNothing(where + " is not a list");
      }
      if (step.index() >= list.items().size()) {
        throw new NamesNothing(
            where
                + " has "
                + list.items().size()
                + " item"
                + (list.items().size() == 1 ? "" : "s"));
      }
      Node child = list.items().get(step.index());
      return list.with(step.index(), last ? value : put(child, path, i + 1, value, keyPos, here));
    }
    MapNode map;
    if (node instanceof MapNode m) {
      map = m;
    } else if (node == null || node instanceof Scalar s && s.isNone()) {
      map = MapNode.empty(keyPos);
    } else {
      throw new NamesNothing(where + " is a value, not a map of fields");
    }
    Node child = map.get(step.key());
    Node newChild = last ? value : put(child, path, i + 1, value, keyPos, here);
    Field existing = map.field(step.key());
    Position pos = existing == null ? keyPos : existing.keyPos();
    return map.with(new Field(step.key(), pos, newChild));
  }
}
