package dev.cascade.model.breaker;

/**
 * The legal moves between {@link BreakerState}s: the table Resilience4j keeps in {@code
 * CircuitBreaker.StateTransition}, restricted to the three states Cascade models. Any other move is
 * a bug in the state machine and fails at once.
 */
public enum BreakerTransition {
  /** A trip rule fired while closed. */
  CLOSED_TO_OPEN(BreakerState.CLOSED, BreakerState.OPEN),
  /** The first call after {@code open_for} (Resilience4j with automatic transition disabled). */
  OPEN_TO_HALF_OPEN(BreakerState.OPEN, BreakerState.HALF_OPEN),
  /** The trial calls were healthy. */
  HALF_OPEN_TO_CLOSED(BreakerState.HALF_OPEN, BreakerState.CLOSED),
  /** The trial calls failed. */
  HALF_OPEN_TO_OPEN(BreakerState.HALF_OPEN, BreakerState.OPEN);

  private static final BreakerTransition[][] TABLE = table();

  private final BreakerState from;
  private final BreakerState to;

  BreakerTransition(BreakerState from, BreakerState to) {
    this.from = from;
    this.to = to;
  }

  /** The state left. */
  public BreakerState from() {
    return from;
  }

  /** The state entered. */
  public BreakerState to() {
    return to;
  }

  /**
   * The transition from {@code from} to {@code to}.
   *
   * @throws IllegalStateException if the table has no such move
   */
  public static BreakerTransition between(BreakerState from, BreakerState to) {
    BreakerTransition t = TABLE[from.ordinal()][to.ordinal()];
    if (t == null) {
      throw new IllegalStateException("illegal breaker transition " + from + " -> " + to);
    }
    return t;
  }

  private static BreakerTransition[][] table() {
    int n = BreakerState.values().length;
    BreakerTransition[][] t = new BreakerTransition[n][n];
    for (BreakerTransition bt : values()) {
      t[bt.from.ordinal()][bt.to.ordinal()] = bt;
    }
    return t;
  }
}
