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

/** Whatever a user writes, loading ends in a scenario or in positioned problems, never a crash. */
class LoaderRobustnessPropertyTest {

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
}
