package dev.cascade.scenario.bind;

import dev.cascade.model.spec.ModelSpec;
import dev.cascade.scenario.bind.Node.MapNode;
import dev.cascade.scenario.bind.Node.Scalar;
import dev.cascade.scenario.spec.Case;
import dev.cascade.scenario.spec.CheckSpec;
import dev.cascade.scenario.spec.Scenario;
import dev.cascade.scenario.spec.SweepPoint;
import dev.cascade.scenario.spec.Variant;
import dev.cascade.scenario.spec.WindowSpec;
import dev.cascade.scenario.spec.Windows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One load of one scenario, step by step: the document, the base model, then every variant and
 * sweep point bound from the document with its changes applied. Problems of the base stop the load
 * before variants are bound, so each mistake is reported once.
 */
final class Resolution {

  private static final int MAX_CASES = 10_000;

  /** Where a problem with a {@code --variant} option is reported: {@code --variant:N:1}. */
  static final String VARIANT_OPTION = "--variant";

  private final String source;
  private final LoadOptions options;
  private Problems problems;

  Resolution(String source, LoadOptions options) {
    this.source = source;
    this.options = options;
    this.problems = new Problems(source);
  }

  Scenario resolve(String text) {
    Node doc = TreeReader.read(text, source, problems);
    problems.throwIfAny();
    if (!(doc instanceof MapNode parsed)) {
      problems.add(doc.pos(), "", "expected a scenario (a map of fields), got " + doc.describe());
      throw new ScenarioException(problems.sorted());
    }
    MapNode root = Overrides.applySets(parsed, options.sets(), problems);
    MapReader r = MapReader.root(root, problems);
    ScenarioBinder.Header header = ScenarioBinder.header(r);
    ModelSpec base = ModelBinder.bind(r);
    List<WindowSpec> windows = ScenarioBinder.windows(r, base);
    List<VariantDef> variants = ScenarioBinder.variants(r);
    List<ScenarioBinder.Swept> sweep = ScenarioBinder.sweep(r);
    List<CheckBinder.Bound> checks = CheckBinder.bind(r);
    r.finishAll();
    if (!options.params().isEmpty()) {
      sweep = Overrides.params(options.params(), problems);
    }
    if (problems.any()) {
      variants.forEach(v -> v.apply(root, problems)); // report bad set paths too
      problems.throwIfAny();
    }
    checkSweepValues(root, sweep);
    Map<String, Variant> resolved = new LinkedHashMap<>();
    Map<String, ModelSpec> models = new LinkedHashMap<>();
    List<String> declared = variants.stream().map(VariantDef::name).toList();
    List<String> chosen = options.variants().stream().filter(declared::contains).toList();
    for (int k = 0; k < options.variants().size(); k++) {
      String n = options.variants().get(k);
      if (!declared.contains(n)) {
        problems.add(
            Position.of(VARIANT_OPTION, k + 1, 1),
            "",
            "no variant \"" + n + "\" in " + header.name() + " " + Suggest.hint(n, declared));
      }
    }
    problems.throwIfAny();
    List<String> leftOut = new ArrayList<>();
    List<ScenarioBinder.Swept> swept = sweep;
    for (VariantDef v : variants) {
      Variant variant;
      if (chosen.isEmpty() || chosen.contains(v.name())) {
        variant = variant(root, r.out(), v, sweep, windows, checks);
      } else {
        variant = unlessProblems(() -> variant(root, r.out(), v, swept, windows, checks));
        if (variant == null) {
          leftOut.add(v.name());
          continue;
        }
      }
      resolved.put(v.name(), variant);
      models.put(v.name(), variant.model());
    }
    problems.context("");
    CheckBinder.validate(
        checks.stream()
            .filter(b -> b.spec().variant() == null || !leftOut.contains(b.spec().variant()))
            .toList(),
        models,
        windows,
        problems);
    problems.throwIfAny();
    Map<String, List<String>> sweepTexts = new LinkedHashMap<>();
    sweep.forEach(
        s -> sweepTexts.put(s.path(), s.values().stream().map(Resolution::text).toList()));
    return new Scenario(
        header.name(),
        header.description(),
        source,
        header.seed(),
        header.replications(),
        base,
        resolved,
        sweepTexts,
        checks.stream().map(CheckBinder.Bound::spec).toList(),
        windows,
        TreeWriter.yaml(r.out(), "Scenario " + header.name() + " with every default written out."));
  }

  /**
   * Binds a variant the command will not use; null, with its problems set aside, when it has any
   * (the load goes on without it).
   */
  private Variant unlessProblems(Supplier<Variant> bind) {
    Problems kept = problems;
    problems = new Problems(source);
    try {
      Variant variant = bind.get();
      return problems.any() ? null : variant;
    } catch (RuntimeException e) {
      if (problems.any()) {
        return null; // a binder gave up after reporting: the variant is left out
      }
      throw e;
    } finally {
      problems = kept;
    }
  }

  private Variant variant(
      MapNode root,
      Map<String, Object> baseOut,
      VariantDef v,
      List<ScenarioBinder.Swept> sweep,
      List<WindowSpec> windows,
      List<CheckBinder.Bound> checks) {
    problems.context(
        v.name().equals(VariantDef.BASELINE) && v.set() == null ? "" : "variant " + v.name());
    MapNode doc = v.apply(root, problems);
    BoundModel bound = bindModel(doc);
    ModelSpec model = bound.model();
    Case base = Case.of(v.name(), SweepPoint.NONE, model, Windows.resolve(model, windows));
    List<Case> points = new ArrayList<>();
    List<Map<ScenarioBinder.Swept, Node>> grid = ScenarioBinder.grid(sweep);
    if (grid.size() > MAX_CASES) {
      problems.add(
          sweep.get(0).keyPos(),
          "sweep",
          "the grid has " + grid.size() + " points (at most " + MAX_CASES + ")");
      grid = List.of();
    }
    for (Map<ScenarioBinder.Swept, Node> point : grid) {
      MapNode pointDoc = doc;
      List<SweepPoint.Setting> settings = new ArrayList<>();
      for (Map.Entry<ScenarioBinder.Swept, Node> e : point.entrySet()) {
        ScenarioBinder.Swept s = e.getKey();
        pointDoc =
            TreeEditor.set(
                pointDoc,
                s.path(),
                s.keyPos(),
                e.getValue(),
                "sweep",
                ModelBinder.MODEL_KEYS,
                problems);
        settings.add(new SweepPoint.Setting(s.path(), text(e.getValue())));
      }
      SweepPoint sp = new SweepPoint(settings);
      problems.context("variant " + v.name() + " at " + sp.label());
      ModelSpec pm = bindModel(pointDoc).model();
      points.add(Case.of(v.name(), sp, pm, Windows.resolve(pm, windows)));
    }
    String yaml =
        TreeWriter.yaml(
            variantDocument(baseOut, bound.out(), v.name(), checks),
            "Variant " + v.name() + " with every default written out.");
    return new Variant(v.name(), v.description(), yaml, base, points);
  }

  /** A model with its resolved document. */
  private record BoundModel(ModelSpec model, Map<String, Object> out) {}

  /** Binds a model from a whole document (scenario-level keys are skipped). */
  private BoundModel bindModel(MapNode doc) {
    MapReader r = MapReader.root(doc, problems);
    r.skip(ScenarioBinder.SCENARIO_KEYS.toArray(String[]::new));
    ModelSpec model = ModelBinder.bind(r);
    r.finishAll();
    return new BoundModel(model, r.out());
  }

  /** Binds each swept value once on the base document, so a bad value is reported once. */
  private void checkSweepValues(MapNode root, List<ScenarioBinder.Swept> sweep) {
    for (ScenarioBinder.Swept s : sweep) {
      for (Node value : s.values()) {
        problems.context("sweep " + s.path() + "=" + text(value));
        MapNode doc =
            TreeEditor.set(
                root, s.path(), s.keyPos(), value, "sweep", ModelBinder.MODEL_KEYS, problems);
        bindModel(doc);
      }
    }
    problems.context("");
    problems.throwIfAny();
  }

  /** The base document's output with the variant's model, without variants, with its checks. */
  private static Map<String, Object> variantDocument(
      Map<String, Object> baseOut,
      Map<String, Object> modelOut,
      String name,
      List<CheckBinder.Bound> checks) {
    Map<String, Object> doc = new LinkedHashMap<>(baseOut);
    for (String key : ModelBinder.MODEL_KEYS) {
      if (modelOut.containsKey(key)) {
        doc.put(key, modelOut.get(key));
      }
    }
    doc.remove("variants");
    List<Object> own = new ArrayList<>();
    for (CheckBinder.Bound b : checks) {
      CheckSpec c = b.spec();
      if (c.appliesTo(name)) {
        Map<String, Object> out = new LinkedHashMap<>(b.reader().out());
        out.remove("variant");
        own.add(out);
      }
    }
    doc.put("checks", own);
    return doc;
  }

  /** A value as text for labels: a scalar's text, or a short description. */
  static String text(Node n) {
    return n instanceof Scalar s ? (s.isNone() ? "none" : s.text()) : TreeWriter.flow(n);
  }
}
