package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.scenario.builtin.BuiltinScenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The schema knows every field the built-in scenarios use, at the place they use it: a walk of each
 * built-in's tree against the schema's properties ($ref, oneOf by required keys and kind, maps,
 * arrays), so editor completion and validation agree with the loader.
 */
class FormatSchemaTest {

  private final JsonNode schema = new ObjectMapper().valueToTree(FormatSchema.schema());

  @Test
  void everyBuiltInScenario_usesOnlyFieldsTheSchemaNames() {
    YAMLMapper yaml = YAMLMapper.builder().build();
    List<String> unknown = new ArrayList<>();
    for (String name : BuiltinScenarios.names()) {
      JsonNode tree = yaml.readTree(BuiltinScenarios.text(name));
      walk(tree, schema, name, unknown);
    }
    assertThat(unknown).isEmpty();
  }

  @Test
  void walk_flagsFieldsTheSchemaDoesNotName() {
    YAMLMapper yaml = YAMLMapper.builder().build();
    JsonNode tree =
        yaml.readTree(
            "scenario: x\nhorizon: 1m\nhorizonx: 2m\nworkload: {u: {entry: a, rat: 1/s}}\n"
                + "components:\n  a: {kind: service, threads: 1, steps: [{work: exp(1ms)},"
                + " {cache_aside: {cache: r, source: d, timout: 1s}}]}\n"
                + "  r: {kind: redis, shard: 2}\n");
    List<String> unknown = new ArrayList<>();
    walk(tree, schema, "x", unknown);
    assertThat(unknown)
        .contains(
            "x.horizonx",
            "x.workload.u.rat",
            "x.components.a.steps[1].cache_aside.timout",
            "x.components.r.shard");
  }

  @Test
  void schema_isValidJson_withDefinitionsForEveryReference() {
    JsonNode parsed = JsonMapper.builder().build().readTree(FormatSchema.json());
    List<String> refs = new ArrayList<>();
    collectRefs(parsed, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(parsed.at(ref.substring(1))).as(ref).isNotNull();
      assertThat(parsed.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  private void collectRefs(JsonNode n, List<String> out) {
    if (n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        if (e.getKey().equals("$ref")) {
          out.add(e.getValue().asString());
        } else {
          collectRefs(e.getValue(), out);
        }
      }
    } else if (n.isArray()) {
      n.forEach(c -> collectRefs(c, out));
    }
  }

  private JsonNode resolve(JsonNode s) {
    while (s.has("$ref")) {
      s = schema.at(s.get("$ref").asString().substring(1));
    }
    return s;
  }

  private void walk(JsonNode value, JsonNode s, String path, List<String> unknown) {
    s = resolve(s);
    if (s.has("oneOf")) {
      s = pick(value, s.get("oneOf"));
      if (s == null) {
        unknown.add(path + ": matches no alternative");
        return;
      }
    }
    if (s.has("anyOf") || !(value.isObject() || value.isArray())) {
      return; // scalars and unions of scalars: names are what completion needs
    }
    if (value.isArray()) {
      if (s.has("items")) {
        int i = 0;
        for (JsonNode item : value) {
          walk(item, s.get("items"), path + "[" + i++ + "]", unknown);
        }
      }
      return;
    }
    JsonNode props = s.get("properties");
    JsonNode additional = s.get("additionalProperties");
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      String p = path + "." + e.getKey();
      if (props != null && props.has(e.getKey())) {
        walk(e.getValue(), props.get(e.getKey()), p, unknown);
      } else if (additional != null && additional.isObject()) {
        walk(e.getValue(), additional, p, unknown);
      } else if (additional == null || !additional.asBoolean(true)) {
        if (!(additional == null && props == null)) {
          unknown.add(p);
        }
      }
    }
  }

  /** The alternative whose required keys are present and whose kind const matches. */
  private JsonNode pick(JsonNode value, JsonNode alternatives) {
    for (JsonNode alt : alternatives) {
      JsonNode a = resolve(alt);
      boolean ok = true;
      if (a.has("required")) {
        for (JsonNode r : a.get("required")) {
          ok &= value.has(r.asString());
        }
      }
      JsonNode kind = a.path("properties").path("kind").path("const");
      if (!kind.isMissingNode()) {
        ok &= kind.asString().equals(value.path("kind").asString());
      }
      if (ok) {
        return a;
      }
    }
    return null;
  }
}
