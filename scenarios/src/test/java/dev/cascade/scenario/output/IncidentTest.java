package dev.cascade.scenario.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.core.result.SimEvent;
import dev.cascade.scenario.Fixtures;
import dev.cascade.scenario.run.RunOptions;
import dev.cascade.scenario.run.ScenarioResult;
import dev.cascade.scenario.run.ScenarioRunner;
import dev.cascade.scenario.spec.Scenario;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Time to detect and time to recover per failure (issue 7), from a run's events. */
class IncidentTest {

  private static SimEvent e(double t, String component, String event, String detail) {
    return new SimEvent(t, component, event, detail);
  }

  @Test
  void faultAndItsCrash_areOneIncident_withAlertsAndRecovery() {
    List<Incident> incidents =
        Incident.of(
            List.of(
                e(300, "redis", "fault_injected", "crash"),
                e(300, "redis", "crashed", "fault injected"),
                e(300.5, "worker", "disconnected", ""),
                e(330, "redis-ping", "alert_fired", "redis.up below 1"),
                e(390, "web-5xx", "alert_fired", "web.error_rate above 0.01"),
                e(390, "redis-ping", "remediation_attempted", "restart redis (attempt 1)"),
                e(390, "redis", "restarted", "remediation by redis-ping"),
                e(420, "web-5xx", "alert_fired", "after the recovery: not this incident's")));
    assertThat(incidents).hasSize(1);
    Incident i = incidents.get(0);
    assertThat(i.component()).isEqualTo("redis");
    assertThat(i.event()).isEqualTo("fault_injected");
    assertThat(i.alerts())
        .containsExactly(new Incident.Alert("redis-ping", 330), new Incident.Alert("web-5xx", 390));
    assertThat(i.timeToDetect()).isEqualTo(30.0);
    assertThat(i.remediationAttempts()).isEqualTo(1);
    assertThat(i.escalated()).isFalse();
    assertThat(i.recoveredBy()).isEqualTo("restarted");
    assertThat(i.timeToRecover()).isEqualTo(90.0);
    assertThat(TimelineMarkdown.incident(i))
        .isEqualTo(
            "T+5m redis fault injected (crash): redis-ping after 30s, web-5xx after 1m30s;"
                + " 1 remediation attempt; restarted after 1m30s");
  }

  @Test
  void oomKillNeverRecovered_andAFlush_areReportedAsSuch() {
    List<Incident> incidents =
        Incident.of(
            List.of(
                e(10, "redis", "fault_injected", "flush"),
                e(600, "redis", "oom_killed", "RSS over the limit"),
                e(630, "redis-ping", "alert_suppressed", "maintenance window"),
                e(700, "redis-ping", "escalated", "3 failed attempts"),
                e(800, "db", "fault_injected", "slow +20ms for 1m"),
                e(860, "db", "fault_cleared", "slow over")));
    assertThat(incidents).extracting(Incident::component).containsExactly("redis", "db");
    Incident oom = incidents.get(0);
    assertThat(oom.event()).isEqualTo("oom_killed");
    assertThat(oom.alerts()).isEmpty();
    assertThat(oom.timeToDetect()).isNaN();
    assertThat(oom.escalated()).isTrue();
    assertThat(oom.suppressed()).containsExactly("redis-ping");
    assertThat(oom.recoveredAt()).isNaN();
    assertThat(TimelineMarkdown.incident(oom))
        .isEqualTo(
            "T+10m redis was OOM-killed (RSS over the limit): no alert fired"
                + " (held back: redis-ping); escalated;"
                + " not recovered by the end of the run");
    assertThat(incidents.get(1).recoveredBy()).isEqualTo("fault_cleared");
    assertThat(incidents.get(1).timeToRecover()).isEqualTo(60.0);
  }

  @Test
  void alertAlreadyFiring_isAnEarlyWarning_withANegativeDelay() {
    List<Incident> incidents =
        Incident.of(
            List.of(
                e(100, "old-alert", "alert_fired", ""),
                e(150, "old-alert", "alert_resolved", ""),
                e(270, "redis-memory", "alert_fired", "used memory above 80%"),
                e(315, "redis", "memory_full", "writes fail"),
                e(390, "web-5xx", "alert_fired", ""),
                e(600, "redis", "memory_freed", "")));
    Incident i = incidents.get(0);
    assertThat(i.alerts())
        .containsExactly(
            new Incident.Alert("redis-memory", 270), new Incident.Alert("web-5xx", 390));
    assertThat(i.timeToDetect()).isEqualTo(-45.0);
    assertThat(i.recoveredBy()).isEqualTo("memory_freed");
    assertThat(i.timeToRecover()).isEqualTo(285.0);
  }

  @Test
  void summaryJson_listsTheIncidentsOfEachVariant() throws IOException {
    Scenario s =
        Fixtures.load(
            Fixtures.SMALL
                + """
                monitors:
                  - {name: redis-ping, when: {metric: redis.up, below: 1}, interval: 5s}
                """);
    ScenarioResult result = ScenarioRunner.run(s, RunOptions.jobs(1));
    StringWriter w = new StringWriter();
    SummaryJson.write(result, "9.9.9", w);
    JsonNode incidents =
        JsonMapper.builder()
            .build()
            .readTree(w.toString())
            .get("variants")
            .get("baseline")
            .get("incidents");
    assertThat(incidents).hasSize(1);
    JsonNode i = incidents.get(0);
    // Crash at 20 s for 20 s; the ping, every 5 s, sees it at 20 s (checks scheduled before the
    // fault at the same time run after it).
    assertThat(i.get("t_s").asDouble()).isEqualTo(20.0);
    assertThat(i.get("component").asString()).isEqualTo("redis");
    assertThat(i.get("alerts").get(0).get("monitor").asString()).isEqualTo("redis-ping");
    assertThat(i.get("time_to_detect_s").asDouble()).isBetween(0.0, 5.0);
    assertThat(i.get("recovered_t_s").asDouble()).isEqualTo(40.0);
    assertThat(i.get("time_to_recover_s").asDouble()).isEqualTo(20.0);
    assertThat(i.get("recovered_by").asString()).isEqualTo("recovered"); // not fault_cleared
    assertThat(i.get("escalated").asBoolean()).isFalse();
  }
}
