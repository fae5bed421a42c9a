package dev.cascade.scenario.bind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.scenario.Fixtures;
import dev.cascade.scenario.builtin.BuiltinScenarios;
import dev.cascade.scenario.spec.Scenario;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {

  /** Every field of the format at least once. */
  static final String EVERYTHING =
      """
      scenario: everything
      description: every field at least once
      horizon: 20m
      warmup: 1m
      sample: 2s
      seed: 42
      replications: 2
      scale: 1/4
      workload:
        web:
          entry: gateway
          profile:
            - {at: 0s, rate: 800/s}
            - {at: 5m, rate: 1k/s, ramp: 1m}
          arrivals: uniform
          keys: {space: 10M, zipf: 0.9}
          client:
            timeout: 1.5s
            retries: 2
            backoff: {base: 50ms, max: 2s, jitter: equal}
            retry_on: [503, timeout]
            budget: 10%
        batch:
          entry: app
          rate: 600/m
          client: {timeout: none}
      components:
        gateway:
          kind: gateway
          next: app
          rate_limit: {rate: 900/s, burst: 100}
          shed:
            when: {metric: db.latency_p99, above: 100ms}
            check_every: 2s
            fraction: 60%
            release_after: 1m
        app:
          kind: service
          instances: 8
          threads: 50
          queue: 10
          balance: least-busy
          steps:
            - work: lognormal(1ms, 0.5)
            - cache_aside:
                cache: redis
                source: db
                keyspace: urls
                queries: 2
                timeout: 100ms
                breaker: redis-cb
                on_cache_error: fail
                fill: sync
                ttl: none
                coalesce: global
                refresh: xfetch(1.5)
                source_timeout: 800ms
            - call: {target: db, timeout: 1s, retries: 1, breaker: db-cb}
            - enqueue: {broker: redis, queue: emails, probability: 10%, on_error: ignore}
        redis:
          kind: redis
          shards: 3
          latency: const(0.3ms)
          hit_ratio: 90%
          warm_up: 10m
          maxmemory: 2gb
          eviction: allkeys-lru
          memory_limit: 3gb
          fragmentation: 1.3
          value_size: 1kb
          job_size: 2kb
          growth: {keys: 20k/s, ttl: 1h, size: 256b}
          persistence: rdb
          rdb_every: 5m
          restart: {policy: on-failure, delay: 10s}
          replica: {lag: 8m12s, detect: 10s, promote: 5s}
          connect_fail: 2ms
        db:
          kind: database
          nodes: 16
          workers: 50
          latency: uniform(1ms, 3ms)
          max_connections: 100
          acquire_timeout: 5s
          contention: {sigma: 0.02, kappa: 0.0001}
          autoscale: {when: {metric: db.utilization, above: 0.8}, for: 30s, add: 4, delay: 3m, max: 24}
          cancel_on_timeout: true
        mailer:
          kind: worker
          broker: redis
          queue: emails
          consumers: 4
          job: pareto(10ms, 2.5)
          steps: [{call: {target: db}}]
          reconnect: {base: 500ms, max: 10s}
      breakers:
        redis-cb:
          trip: {failures: 5, within: 10s}
          open_for: 30s
          half_open_calls: 1
        db-cb:
          trip:
            failure_rate: 40%
            window: 10s
            min_calls: 20
            slow_call: {duration: 2s, rate: 80%}
          scope: global
      faults:
        - {at: 5m, target: redis, action: crash, for: 5m}
        - {at: 6m, target: redis, action: hang, for: 1m}
        - {at: 7m, target: db, action: slow, latency: +20ms, for: 1m}
        - {at: 8m, target: db, action: kill_nodes, count: 4, for: 2m}
        - {at: 9m, target: web, action: spike, factor: 3, for: 1m}
        - {at: 15m, target: redis, action: flush}
        - {target: db, action: hang, mtbf: 30d, mttr: "lognormal(10m, 0.8)"}
      monitors:
        - name: redis-ping
          when: {metric: redis.up, below: 1}
          for: 30s
          interval: 10s
          then: {action: restart, target: redis, delay: 1m, success: 95%, attempts: 3}
        - name: web-5xx
          when: {metric: web.error_rate, above: 1%}
      windows:
        recovery: {from: 10m, to: 15m}
        tail: {from: 18m}
      variants:
        plain:
          description: no breakers
          set:
            app.steps[1].cache_aside.breaker: none
            app.steps[2].call.breaker: none
        split:
          set: {mailer.broker: broker}
          add: {components: {broker: {kind: redis, persistence: aof}}}
      sweep:
        db.nodes: [8, 16]
      checks:
        - {metric: gateway.rate_503, window: outage, max: 0.5}
        - {metric: web.latency_p99, window: recovery, stat: value, max: 200ms, variant: plain}
        - {metric: db.load_rps, min: 10/s, max: 1k/s}
      """;

  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of("small", Fixtures.SMALL),
        Arguments.of("everything", EVERYTHING),
        Arguments.of("builtin", BuiltinScenarios.text("url-shortener-redis-down")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void resolvedYaml_reloadsToEqualModels(String name, String text) {
    Scenario s = Fixtures.load(text);
    Scenario again = Fixtures.load(s.resolvedYaml());
    assertThat(again.base()).isEqualTo(s.base());
    assertThat(again.variantNames()).isEqualTo(s.variantNames());
    for (String v : s.variantNames()) {
      assertThat(again.variant(v).model()).as(v).isEqualTo(s.variant(v).model());
      assertThat(again.variant(v).sweep()).as(v).isEqualTo(s.variant(v).sweep());
    }
    assertThat(again.checks()).isEqualTo(s.checks());
    assertThat(again.windows()).isEqualTo(s.windows());
    assertThat(again.seed()).isEqualTo(s.seed());
    assertThat(again.replications()).isEqualTo(s.replications());
    assertThat(again.resolvedYaml()).isEqualTo(s.resolvedYaml());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void variantYaml_reloadsToTheVariantsModel(String name, String text) {
    Scenario s = Fixtures.load(text);
    for (String v : s.variantNames()) {
      Scenario alone = Fixtures.load(s.variant(v).resolvedYaml());
      assertThat(alone.variantNames()).containsExactly("baseline");
      assertThat(alone.base()).as(v).isEqualTo(s.variant(v).model());
      assertThat(alone.checks()).allMatch(c -> c.variant() == null);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void jsonOfTheResolvedDocument_loadsToo(String name, String text) {
    Scenario s = Fixtures.load(text);
    String json =
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .writeValueAsString(
                tools.jackson.dataformat.yaml.YAMLMapper.builder()
                    .build()
                    .readTree(s.resolvedYaml()));
    Scenario fromJson = ScenarioLoader.load(json, "scenario.json", LoadOptions.NONE);
    assertThat(fromJson.base()).isEqualTo(s.base());
  }
}
