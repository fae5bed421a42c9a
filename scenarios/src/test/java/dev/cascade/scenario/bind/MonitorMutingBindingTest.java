package dev.cascade.scenario.bind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.spec.MonitorSpec;
import dev.cascade.scenario.Fixtures;
import dev.cascade.scenario.spec.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The monitor fields {@code suppress} (maintenance windows) and {@code quiet_after_restart}. */
class MonitorMutingBindingTest {

  private static final String MONITORS =
      """
      monitors:
        - name: redis-ping
          when: {metric: redis.up, below: 1}
          for: 30s
          suppress:
            - {at: 2d3h, for: 2h, every: 7d}
            - {at: 10s, for: 5s}
          quiet_after_restart: 2m
          then: {action: restart, target: redis, delay: 1m, success: 95%, attempts: 3}
        - name: plain
          when: {metric: web.error_rate, above: 1%}
      """;

  private static String scenario(String monitors) {
    return Fixtures.SMALL + monitors;
  }

  private static List<String> problems(String text) {
    try {
      Fixtures.load(text);
    } catch (ScenarioException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("expected problems in:\n" + text);
  }

  @Test
  void suppressAndQuiet_bindToTheMonitorSpec() {
    Scenario s = Fixtures.load(scenario(MONITORS));
    MonitorSpec ping = s.base().monitors().get(0);
    assertThat(ping.suppress())
        .containsExactly(
            new MonitorSpec.SuppressSpec(2 * 86400 + 3 * 3600, 7200, 7 * 86400),
            new MonitorSpec.SuppressSpec(10, 5, Double.POSITIVE_INFINITY));
    assertThat(ping.quietAfterRestart()).isEqualTo(120.0);
    MonitorSpec plain = s.base().monitors().get(1);
    assertThat(plain.suppress()).isEmpty();
    assertThat(plain.quietAfterRestart()).isZero();
  }

  @Test
  void resolvedYaml_showsTheDefaults_andReloadsToTheSameMonitors() {
    Scenario s = Fixtures.load(scenario(MONITORS));
    String yaml = s.resolvedYaml();
    assertThat(yaml).contains("quiet_after_restart: 2m").contains("quiet_after_restart: 0s");
    assertThat(yaml).contains("every: none");
    Scenario again = Fixtures.load(yaml);
    assertThat(again.base().monitors()).isEqualTo(s.base().monitors());
    assertThat(again.resolvedYaml()).isEqualTo(yaml);
  }

  @Test
  void variantSet_canAddAndRemoveWindows() {
    Scenario s =
        Fixtures.load(
            scenario(MONITORS)
                + """
                variants:
                  no-window:
                    set:
                      monitors[0].suppress: none
                      monitors[0].quiet_after_restart: 0s
                """);
    MonitorSpec ping = s.variant("no-window").model().monitors().get(0);
    assertThat(ping.suppress()).isEmpty();
    assertThat(ping.quietAfterRestart()).isZero();
  }

  @Test
  void badWindows_areReportedWithTheirField() {
    String text =
        scenario(
            """
            monitors:
              - name: redis-ping
                when: {metric: redis.up, below: 1}
                suppress:
                  - {at: 1h, for: 2d, every: 1d}
                  - {for: 1h}
                  - {at: 1h, for: 1h, evry: 1d}
                quiet_after_restart: soon
            """);
    assertThat(problems(text))
        .anySatisfy(p -> assertThat(p).contains("monitors[0].suppress[0].for").contains("every"))
        .anySatisfy(
            p -> assertThat(p).contains("monitors[0].suppress[1].at: required field is missing"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("monitors[0].suppress[2].evry")
                    .contains("did you mean \"every\""))
        .anySatisfy(p -> assertThat(p).contains("monitors[0].quiet_after_restart"));
  }
}
