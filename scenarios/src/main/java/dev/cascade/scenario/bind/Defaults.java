package dev.cascade.scenario.bind;

import java.util.List;

/**
 * Every default of the scenario format in one place, written as a user would write the value. The
 * resolved scenario ({@code scenario.resolved.yaml}, {@code cascade show}) prints these texts for
 * fields the file leaves out. {@code none} means the feature is off. Where a default comes from a
 * real system, the comment says which.
 */
final class Defaults {

  private Defaults() {}

  // Top level.
  static final String DESCRIPTION = "";
  static final String WARMUP = "0s";
  static final String SAMPLE = "1s";
  static final String SEED = "1";
  static final String REPLICATIONS = "1";
  static final String SCALE = "1";
  static final String SCALE_POOLS = "per-unit";

  // Workload classes: open-loop Poisson arrivals, a client with a 2 s timeout and no retries.
  static final String ARRIVALS = "poisson";
  static final String RAMP = "0s";
  static final String KEYS_ZIPF = "0.99"; // YCSB's default request skew
  static final String CLIENT_TIMEOUT = "2s";
  static final String CLIENT_RETRIES = "0";
  static final String BACKOFF_BASE = "100ms";
  static final String BACKOFF_MAX = "5s";
  static final String BACKOFF_JITTER = "full"; // AWS architecture blog: full jitter does best
  static final List<String> RETRY_ON = List.of("503", "error", "timeout");
  static final String RETRY_BUDGET = "none";

  // Gateway: no rate limit and no shedding unless configured.
  static final String RATE_LIMIT = "none";
  static final double BURST_SECONDS = 0.01; // burst = 10 ms of the limit rate, at least 1 token
  static final String SHED = "none";
  static final String SHED_CHECK_EVERY = "5s";
  static final String SHED_FRACTION = "50%"; // admitted share when neither limit nor fraction
  static final String SHED_RELEASE_AFTER = "30s";

  // Service: a Tomcat-like pool (200 threads) with a bounded accept queue.
  static final String INSTANCES = "1";
  static final String THREADS = "200";
  static final String QUEUE = "1000";
  static final String BALANCE = "random";

  // Steps.
  static final String CACHE_KEYSPACE = "none";
  static final String CACHE_QUERIES = "1";
  static final String CACHE_TIMEOUT = "500ms";
  static final String CACHE_BREAKER = "none";
  static final String ON_CACHE_ERROR = "source";
  static final String CACHE_FILL = "async";
  static final String CACHE_TTL = "1h";
  static final String COALESCE = "none";
  static final String REFRESH = "none";
  static final String SOURCE_TIMEOUT = "1s";
  static final String CALL_TIMEOUT = "1s";
  static final String CALL_RETRIES = "0";
  static final String CALL_BREAKER = "none";
  static final String ENQUEUE_PROBABILITY = "1";
  static final String ENQUEUE_ON_ERROR = "fail";

  // Redis: one shard, in-memory only, restarted by nobody (Docker's "no" policy).
  static final String SHARDS = "1";
  static final String REDIS_LATENCY = "exp(0.2ms)";
  static final String HIT_RATIO = "0.8";
  static final String WARM_UP = "5m";
  static final String MAXMEMORY = "none"; // Redis' own default: no limit on 64-bit builds
  static final String EVICTION = "noeviction"; // Redis' maxmemory-policy default
  static final String MEMORY_LIMIT = "none";
  static final String FRAGMENTATION = "1.0";
  static final String VALUE_SIZE = "512b";
  static final String JOB_SIZE = "1kb";
  static final String GROWTH = "none";
  static final String GROWTH_TTL = "none";
  static final String GROWTH_SIZE = "256b";
  static final String PERSISTENCE = "none";
  static final String RDB_EVERY = "15m";
  static final String RESTART_POLICY = "no"; // Docker's default restart policy
  static final String RESTART_DELAY = "5s";
  static final String REPLICA = "none";
  static final String REPLICA_LAG = "0s";
  static final String REPLICA_DETECT = "10s";
  static final String REPLICA_PROMOTE = "5s";
  static final String CONNECT_FAIL = "1ms";

  // Database: read nodes; without capacity, 100 workers per node.
  static final String NODES = "1";
  static final String DB_WORKERS = "100";
  static final String DB_LATENCY = "exp(2ms)";
  static final String MAX_CONNECTIONS = "200";
  static final String ACQUIRE_TIMEOUT = "30s"; // HikariCP's connectionTimeout default
  static final String CONTENTION = "none";
  static final String CONTENTION_SIGMA = "0";
  static final String CONTENTION_KAPPA = "0";
  static final String AUTOSCALE = "none";
  static final String AUTOSCALE_FOR = "1m";
  static final String AUTOSCALE_ADD = "1";
  static final String AUTOSCALE_DELAY = "5m"; // provisioning, WAL catch-up, health checks
  static final int AUTOSCALE_MAX_FACTOR = 2; // max = 2 x nodes
  static final String CANCEL_ON_TIMEOUT = "false";

  // Worker.
  static final String CONSUMERS = "1";
  static final String JOB = "exp(50ms)";
  static final String RECONNECT_BASE = "1s";
  static final String RECONNECT_MAX = "30s";

  // Breakers: Resilience4j 2.x CircuitBreakerConfig defaults.
  static final String FAILURE_RATE = "50%";
  static final String WINDOW = "100 calls";
  static final String MIN_CALLS = "100";
  static final String SLOW_CALL_DURATION = "60s";
  static final String SLOW_CALL_RATE = "100%";
  static final String TRIP_WITHIN = "10s";
  static final String OPEN_FOR = "60s";
  static final String HALF_OPEN_CALLS = "10";
  static final String BREAKER_SCOPE = "instance";

  // Faults.
  static final String FAULT_FOR = "none"; // down until restart, failover or remediation
  static final String FAULT_MTTR = "none"; // random faults: likewise
  static final String KILL_COUNT = "1";
  static final String SPIKE_FACTOR = "2";

  // Monitors.
  static final String MONITOR_FOR = "0s";
  static final String MONITOR_INTERVAL = "30s";
  static final String MONITOR_THEN = "none";
  static final String REMEDIATION_ACTION = "restart";
  static final String REMEDIATION_DELAY = "0s";
  static final String REMEDIATION_SUCCESS = "100%";
  static final String REMEDIATION_ATTEMPTS = "3";
  static final String SUPPRESS_EVERY = "none"; // a one-off window
  static final String QUIET_AFTER_RESTART = "0s";

  // Checks (a check without variant applies to every variant) and windows (a window's from and
  // to default to the warmup and the horizon).
  static final String CHECK_WINDOW = "all";
  static final String CHECK_STAT = "mean";
  static final String CHECK_VARIANT = "none";
  static final String VARIANT_DESCRIPTION = "";
}
