package dev.cascade.model.workload;

/**
 * A client's retry budget ({@code client.budget}): a token bucket refilled by successes that caps
 * how much retries can add to the load, the mechanism of gRPC retry throttling (gRFC A6: {@code
 * maxTokens}, {@code tokenRatio}, tokens earned by successful RPCs) with the accounting of
 * Finagle's {@code RetryBudget} (a retry withdraws one token; {@code percentCanRetry} of traffic
 * earns one).
 *
 * <p>The rule, exactly:
 *
 * <ul>
 *   <li>the balance starts full, at {@code capacity} tokens (default {@value #DEFAULT_CAPACITY}, a
 *       small reserve like Finagle's default of 10 retries a second; it lets a client with no
 *       success yet retry at all, and bounds the retries a long healthy spell can bank for the
 *       start of an outage);
 *   <li>{@link #onSuccess()} (a response the client counts as ok, first try or retry) deposits
 *       {@code ratio} tokens, never beyond {@code capacity};
 *   <li>{@link #tryRetry()} withdraws one token if at least one is there, and otherwise refuses;
 *   <li>{@link #onFirstTry()} deposits nothing: a first try that fails earns no retries, so the
 *       budget dries up when the dependency is down, which is what stops a retry storm. It is
 *       counted, to check the bound below.
 * </ul>
 *
 * <p>Hence retries granted {@code <= capacity + ratio x successes}, and because a request succeeds
 * at most once, {@code successes <= first tries}: over a run, retries add at most {@code ratio} of
 * the first tries, plus {@code capacity}. Tokens are kept in whole millionths (the ratio is rounded
 * to 1e-6; gRPC keeps milli-tokens for the same reason), so ten deposits of 0.1 make exactly one
 * token and the bound holds without rounding slack. The budget has no clock: credit does not expire
 * with time, only through {@code capacity}.
 */
public final class RetryBudget {

  /** Tokens in a full bucket unless told otherwise. */
  public static final int DEFAULT_CAPACITY = 10;

  private static final long UNIT = 1_000_000L;

  private final double ratio;
  private final long deposit;
  private final long capacity;
  private long balance;
  private long firstTries;
  private long successes;
  private long granted;
  private long refused;

  /**
   * A budget of {@code ratio} (for example 0.1 for {@code budget: 10%}) and the default capacity.
   */
  public RetryBudget(double ratio) {
    this(ratio, DEFAULT_CAPACITY);
  }

  /**
   * @param ratio tokens earned per success, in [0, 1]
   * @param capacity most tokens held, and the starting balance; >= 1 (a budget that can not hold
   *     one token never allows a retry)
   */
  public RetryBudget(double ratio, double capacity) {
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException("retry budget must be in [0, 1], got " + ratio);
    }
    if (!(capacity >= 1) || capacity > 1e12) {
      throw new IllegalArgumentException(
          "retry budget capacity must be in [1, 1e12] tokens, got " + capacity);
    }
    this.ratio = ratio;
    this.deposit = Math.round(ratio * UNIT);
    this.capacity = Math.round(capacity * UNIT);
    this.balance = this.capacity;
  }

  /** A first try was sent. Counted only; see the class comment. */
  public void onFirstTry() {
    firstTries++;
  }

  /** The client counted a response as ok: deposits {@code ratio} tokens. */
  public void onSuccess() {
    successes++;
    balance = Math.min(capacity, balance + deposit);
  }

  /**
   * Asks to send one retry.
   *
   * @return true (and one token is withdrawn) if the budget allows it
   */
  public boolean tryRetry() {
    if (balance >= UNIT) {
      balance -= UNIT;
      granted++;
      return true;
    }
    refused++;
    return false;
  }

  /** The ratio this budget was built with. */
  public double ratio() {
    return ratio;
  }

  /** Tokens available now. */
  public double tokens() {
    return (double) balance / UNIT;
  }

  /** First tries counted. */
  public long firstTries() {
    return firstTries;
  }

  /** Successes counted. */
  public long successes() {
    return successes;
  }

  /** Retries allowed so far. */
  public long retriesGranted() {
    return granted;
  }

  /** Retries refused so far. */
  public long retriesRefused() {
    return refused;
  }

  /**
   * Throws {@link IllegalStateException} if the balance left [0, capacity], more retries were
   * granted than capacity + deposits allow, or there were more successes than first tries.
   */
  public void checkInvariants() {
    if (balance < 0 || balance > capacity) {
      throw new IllegalStateException("retry budget balance " + balance + " of " + capacity);
    }
    if (granted * UNIT > capacity + successes * deposit) {
      throw new IllegalStateException(
          "granted " + granted + " retries on " + successes + " successes at " + ratio);
    }
    if (successes > firstTries) {
      throw new IllegalStateException(successes + " successes but " + firstTries + " first tries");
    }
  }
}
