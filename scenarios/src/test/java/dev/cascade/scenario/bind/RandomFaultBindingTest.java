package dev.cascade.scenario.bind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.spec.FaultSpec;
import dev.cascade.scenario.Fixtures;
import dev.cascade.scenario.spec.Scenario;
import org.junit.jupiter.api.Test;

/** A random fault without mttr: the target stays down until something restarts it. */
class RandomFaultBindingTest {

  private static final String TEXT =
      Fixtures.SMALL.replace(
          "  - {at: 20s, target: redis, action: crash, for: 20s}\n",
          """
            - {target: redis, action: crash, mtbf: exp(30s)}
            - {target: redis, action: hang, mtbf: exp(1m), mttr: const(5s)}
          """);

  @Test
  void mttr_isOptional_andNoneWhenAbsent() {
    Scenario s = Fixtures.load(TEXT);
    FaultSpec untilRestarted = s.base().faults().get(0);
    assertThat(untilRestarted.scheduled()).isFalse();
    assertThat(untilRestarted.mttr()).isNull();
    assertThat(s.base().faults().get(1).mttr()).isNotNull();
    assertThat(s.resolvedYaml()).contains("mttr: none");
    assertThat(Fixtures.load(s.resolvedYaml()).base()).isEqualTo(s.base());
  }
}
