package dev.cascade.model.spec;

import dev.cascade.core.random.DistributionSpec;

/** One step a request runs on its thread. */
public sealed interface StepSpec {

  /** CPU or local work taking a sampled time. */
  record Work(DistributionSpec time) implements StepSpec {}

  /**
   * Read through a cache: try {@code cache}; on a miss (or cache failure with {@code onCacheError =
   * SOURCE}) query {@code source} and fill the cache.
   *
   * @param timeout per cache call
   * @param breaker a breaker policy name, or null
   * @param ttl seconds a filled key lives; infinity = no expiry
   * @param refresh early recompute, or null
   */
  record CacheAside(
      String cache,
      String source,
      String keyspace,
      int queries,
      double timeout,
      String breaker,
      OnCacheError onCacheError,
      Fill fill,
      double ttl,
      Coalesce coalesce,
      RefreshSpec refresh,
      double sourceTimeout)
      implements StepSpec {}

  /** A synchronous call to a database or service, with retries and an optional breaker. */
  record Call(String target, double timeout, int retries, String breaker) implements StepSpec {}

  /**
   * Push a job to a broker queue with some probability, waiting up to {@code timeout} for the
   * broker.
   */
  record Enqueue(String broker, String queue, double probability, OnError onError, double timeout)
      implements StepSpec {

    /** The default enqueue timeout, in seconds. */
    public static final double DEFAULT_TIMEOUT = 1.0;

    /** An enqueue with the default timeout. */
    public Enqueue(String broker, String queue, double probability, OnError onError) {
      this(broker, queue, probability, onError, DEFAULT_TIMEOUT);
    }
  }

  /** What a cache_aside does when the cache call fails. */
  enum OnCacheError {
    SOURCE,
    FAIL
  }

  /** When the cache is written after a miss. */
  enum Fill {
    ASYNC,
    SYNC,
    NONE
  }

  /** Single-flight of source fetches per key. */
  enum Coalesce {
    NONE,
    INSTANCE,
    GLOBAL
  }

  /** What an enqueue does when the broker fails. */
  enum OnError {
    FAIL,
    IGNORE
  }

  /**
   * Early refresh before expiry: XFetch with {@code beta} (Vattani et al., PVLDB 2015), or
   * stale-while-revalidate for {@code window} seconds.
   */
  record RefreshSpec(Kind kind, double beta, double window) {
    /** The refresh family. */
    public enum Kind {
      XFETCH,
      STALE_WHILE_REVALIDATE
    }
  }
}
