package dev.cascade.scenario.bind;

import dev.cascade.scenario.bind.Node.Field;
import dev.cascade.scenario.bind.Node.ListNode;
import dev.cascade.scenario.bind.Node.MapNode;
import dev.cascade.scenario.bind.Node.Scalar;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes a resolved document as block-style YAML with as few quotes as YAML allows. The document is
 * made of {@link Node}s and of the binder's output: {@code Map<String, Object>}, {@code
 * List<Object>} and {@link Scalar}s. Scalars are written with their text as read, so reading the
 * output back yields the same values.
 */
final class TreeWriter {

  private static final YAMLFactory YAML =
      YAMLFactory.builder()
          .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
          .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
          .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
          .disable(YAMLWriteFeature.SPLIT_LINES)
          .build();

  private TreeWriter() {}

  /** The YAML text of {@code document}, preceded by {@code header} comment lines if not empty. */
  static String yaml(Object document, String header) {
    StringWriter out = new StringWriter();
    for (String line : header.lines().toList()) {
      out.append("# ").append(line).append('\n');
    }
    try (JsonGenerator g = YAML.createGenerator(ObjectWriteContext.empty(), out)) {
      write(g, document);
    }
    return out.toString();
  }

  /** A one-line flow rendering of a node, for labels: {@code {rate: 1k/s, burst: 10}}. */
  static String flow(Node node) {
    if (node instanceof Scalar s) {
      return s.isNone() ? "none" : s.text();
    }
    if (node instanceof ListNode l) {
      return "[" + String.join(", ", l.items().stream().map(TreeWriter::flow).toList()) + "]";
    }
    MapNode m = (MapNode) node;
    return "{"
        + String.join(", ", m.fields().stream().map(f -> f.key() + ": " + flow(f.value())).toList())
        + "}";
  }

  private static void write(JsonGenerator g, Object value) {
    if (value instanceof Scalar s) {
      scalar(g, s);
    } else if (value instanceof MapNode m) {
      g.writeStartObject();
      for (Field f : m.fields()) {
        g.writeName(f.key());
        write(g, f.value());
      }
      g.writeEndObject();
    } else if (value instanceof ListNode l) {
      g.writeStartArray();
      for (Node item : l.items()) {
        write(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeName((String) e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof List<?> l) {
      g.writeStartArray();
      for (Object item : l) {
        write(g, item);
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException("not a document value: " + value);
    }
  }

  private static void scalar(JsonGenerator g, Scalar s) {
    switch (s.type()) {
      case NULL -> g.writeString("none");
      case NUMBER -> g.writeNumber(s.text());
      case BOOLEAN -> g.writeBoolean(Boolean.parseBoolean(s.text()));
      default -> g.writeString(s.text());
    }
  }
}
