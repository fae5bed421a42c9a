package dev.cascade.scenario;

import dev.cascade.scenario.bind.LoadOptions;
import dev.cascade.scenario.bind.ScenarioLoader;
import dev.cascade.scenario.spec.Scenario;

/** Scenario texts shared by the tests. */
public final class Fixtures {

  /** File name used in messages. */
  public static final String FILE = "scenario.yaml";

  /**
   * A small valid scenario: web traffic through a gateway to an app that reads through a Redis
   * cache into a database, with a breaker and a Redis crash. Line numbers matter to tests.
   */
  public static final String SMALL =
      """
      scenario: small
      horizon: 60s
      warmup: 5s
      workload:
        web:
          entry: gateway
          rate: 200/s
      components:
        gateway:
          kind: gateway
          next: app
        app:
          kind: service
          instances: 4
          threads: 20
          steps:
            - work: exp(1ms)
            - cache_aside: {cache: redis, source: db, breaker: redis-cb}
        redis:
          kind: redis
        db:
          kind: database
          capacity: 5k/s
      breakers:
        redis-cb:
          trip: {failures: 5, within: 10s}
      faults:
        - {at: 20s, target: redis, action: crash, for: 20s}
      """;

  private Fixtures() {}

  /** Loads {@code text} as {@value #FILE}. */
  public static Scenario load(String text) {
    return ScenarioLoader.load(text, FILE, LoadOptions.NONE);
  }

  /** Loads {@code text} as {@value #FILE} with {@code --set} overrides. */
  public static Scenario load(String text, String... sets) {
    return ScenarioLoader.load(text, FILE, LoadOptions.sets(sets));
  }
}
