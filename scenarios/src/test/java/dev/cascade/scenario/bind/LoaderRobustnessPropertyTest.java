package dev.cascade.scenario.bind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.scenario.Fixtures;
import dev.cascade.scenario.spec.Scenario;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever a user writes, loading ends in a scenario or in positioned problems, never a crash:
 * valid scenarios with a value replaced, and with random edits to their text (lines deleted,
 * duplicated, swapped or re-indented, YAML punctuation inserted, keys swapped for other keys of the
 * format, text cut short), each loaded with and without {@code --set} options.
 */
class LoaderRobustnessPropertyTest {

  /** Characters that mean something to YAML, plus a few that must not appear at all. */
  private static final String PUNCTUATION = ":{}[],&*!|>'\"#%@-?\t\n \u0000\u00e9";

  /** Keys of the format, so that edits produce known fields in the wrong places. */
  private static final List<String> KEYS =
      List.of(
          "scenario",
          "horizon",
          "scale",
          "scale_pools",
          "workload",
          "components",
          "kind",
          "steps",
          "cache_aside",
          "call",
          "work",
          "target",
          "threads",
          "rate",
          "keys",
          "client",
          "retries",
          "breaker",
          "faults",
          "action",
          "variants",
          "set",
          "add",
          "sweep",
          "checks",
          "metric",
          "windows",
          "from",
          "to",
          "monitors",
          "when",
          "then",
          "<<",
          "x");

  private static final List<String> TEXTS =
      List.of(
          Fixtures.SMALL,
          RoundTripTest.EVERYTHING,
          Fixtures.SMALL
              + "variants:\n  v:\n    set: {db.nodes: 2}\nsweep:\n  app.threads: [1, 2]\n");

  @Provide
  Arbitrary<String> garbage() {
    return Arbitraries.of(
        "",
        "~",
        "none",
        "0",
        "-1",
        "1e9",
        "x",
        "[]",
        "{}",
        "[a, b]",
        "{a: 1}",
        "true",
        "1.5",
        "100%",
        "5ms",
        "1M/s",
        "exp(1ms)",
        "\"quoted\"",
        "99999999999999999999",
        "1/0");
  }

  @Property(tries = 400)
  void anyValueReplaced_givesAScenarioOrProblems(
      @ForAll @IntRange(min = 0, max = 2) int which,
      @ForAll @IntRange(min = 0, max = 200) int lineIndex,
      @ForAll("garbage") String value) {
    String[] lines = TEXTS.get(which).split("\n", -1);
    int i = lineIndex % lines.length;
    int colon = lines[i].indexOf(": ");
    if (colon >= 0) {
      lines[i] = lines[i].substring(0, colon + 2) + value;
    } else {
      lines[i] = lines[i] + " " + value;
    }
    String text = String.join("\n", lines);
    try {
      Scenario s = Fixtures.load(text);
      assertThat(Fixtures.load(s.resolvedYaml()).base()).isEqualTo(s.base());
    } catch (ScenarioException e) {
      assertThat(e.problems())
          .isNotEmpty()
          .allSatisfy(p -> assertThat(p.toString()).matches("(?s)[^:]+:\\d+:\\d+: .+"));
    }
  }

  /** One edit of a scenario's text. */
  record Edit(int kind, int at, int other, int pick) {
    String apply(String text) {
      List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
      int i = at % lines.size();
      int j = other % lines.size();
      switch (kind) {
        case 0 -> lines.remove(i);
        case 1 -> lines.add(i, lines.get(j));
        case 2 -> java.util.Collections.swap(lines, i, j);
        case 3 -> lines.set(i, " ".repeat(pick % 5) + lines.get(i).stripLeading());
        case 4 -> {
          String line = lines.get(i);
          int col = line.isEmpty() ? 0 : other % (line.length() + 1);
          char c = PUNCTUATION.charAt(pick % PUNCTUATION.length());
          lines.set(i, line.substring(0, col) + c + line.substring(col));
        }
        case 5 -> {
          String line = lines.get(i);
          int colon = line.indexOf(':');
          int start = line.length() - line.stripLeading().length();
          if (line.stripLeading().startsWith("- ")) {
            start += 2;
          }
          if (colon > start) {
            lines.set(
                i, line.substring(0, start) + KEYS.get(pick % KEYS.size()) + line.substring(colon));
          }
        }
        default -> {
          String joined = String.join("\n", lines);
          return joined.substring(0, (int) ((long) at * joined.length() / Integer.MAX_VALUE));
        }
      }
      return String.join("\n", lines);
    }
  }

  @Provide
  Arbitrary<List<Edit>> edits() {
    return net.jqwik.api.Combinators.combine(
            Arbitraries.integers().between(0, 6),
            Arbitraries.integers().between(0, Integer.MAX_VALUE - 1),
            Arbitraries.integers().between(0, 10_000),
            Arbitraries.integers().between(0, 10_000))
        .as(Edit::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<String>> sets() {
    return Arbitraries.of(
            "app.threads=3",
            "app.threads=none",
            "scale=1/64",
            "scale_pools=proportional",
            "db.nodes=[1]",
            "horizon=1m",
            "horizon={a: 1}",
            "redis.hit_ratio=2",
            "nothing.here=1",
            "seed=-1",
            "app.steps[0]=none",
            "app.steps[9].work=exp(1ms)",
            "replications=&a 2",
            "x")
        .list()
        .ofMaxSize(2);
  }

  @Property(tries = 400)
  void randomEdits_giveAScenarioOrProblems(
      @ForAll @IntRange(min = 0, max = 2) int which,
      @ForAll("edits") List<Edit> edits,
      @ForAll("sets") List<String> sets) {
    String text = TEXTS.get(which);
    for (Edit e : edits) {
      text = e.apply(text);
    }
    try {
      Scenario s = Fixtures.load(text, sets.toArray(String[]::new));
      assertThat(s.variants()).isNotEmpty();
    } catch (ScenarioException e) {
      assertThat(e.problems())
          .isNotEmpty()
          .allSatisfy(p -> assertThat(p.toString()).matches("(?s)[^:]+:\\d+:\\d+: .+"));
    }
  }
}
