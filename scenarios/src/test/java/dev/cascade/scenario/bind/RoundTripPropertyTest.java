package dev.cascade.scenario.bind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.scenario.Fixtures;
import dev.cascade.scenario.spec.Scenario;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RoundTripPropertyTest {

  @Property(tries = 60)
  void resolvedYaml_reloadsToEqualModel_forAnyValues(
      @ForAll @IntRange(min = 1, max = 999) int rateK,
      @ForAll @IntRange(min = 1, max = 100_000) int timeoutMs,
      @ForAll @IntRange(min = 0, max = 100) int hitPercent,
      @ForAll @IntRange(min = 1, max = 64) int nodes,
      @ForAll @IntRange(min = 1, max = 5000) int latencyUs,
      @ForAll @IntRange(min = 1, max = 16) int scaleDen) {
    String text =
        Fixtures.SMALL
            .replace("rate: 200/s", "rate: " + rateK + "k/s")
            .replace(
                "capacity: 5k/s",
                "capacity: 5k/s\n    nodes: " + nodes + "\n    latency: exp(" + latencyUs + "us)")
            .replace("kind: redis", "kind: redis\n    hit_ratio: " + hitPercent + "%")
            .replace("breaker: redis-cb}", "breaker: redis-cb, timeout: " + timeoutMs + "ms}")
            .replace("warmup: 5s", "warmup: 5s\nscale: 1/" + scaleDen);
    Scenario s = Fixtures.load(text);
    Scenario again = Fixtures.load(s.resolvedYaml());
    assertThat(again.base()).isEqualTo(s.base());
    assertThat(again.resolvedYaml()).isEqualTo(s.resolvedYaml());
  }
}
