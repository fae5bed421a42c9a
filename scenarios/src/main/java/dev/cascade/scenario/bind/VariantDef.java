package dev.cascade.scenario.bind;

import dev.cascade.scenario.bind.Node.Field;
import dev.cascade.scenario.bind.Node.MapNode;

/**
 * A variant as written: its description and the {@code set} and {@code add} it applies to the
 * document. {@link #apply} makes the variant's document.
 *
 * @param set the set entries (path -> value), or null
 * @param add the add sections, or null
 */
record VariantDef(String name, String description, MapNode set, MapNode add) {

  /** The variant every scenario without variants has. */
  static final String BASELINE = "baseline";

  /** The document with this variant applied: first {@code add}, then {@code set}. */
  MapNode apply(MapNode root, Problems problems) {
    String site = "variants." + name;
    MapNode out = root;
    if (add != null) {
      out = TreeEditor.add(out, add, site + ".add", problems);
    }
    if (set != null) {
      for (Field f : set.fields()) {
        out =
            TreeEditor.set(
                out,
                f.key(),
                f.keyPos(),
                f.value(),
                site + ".set",
                ModelBinder.MODEL_KEYS,
                problems);
      }
    }
    return out;
  }

  /** The baseline: nothing applied. */
  static VariantDef baseline() {
    return new VariantDef(BASELINE, "", null, null);
  }
}
