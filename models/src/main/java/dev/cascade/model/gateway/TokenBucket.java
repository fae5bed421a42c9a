package dev.cascade.model.gateway;

/**
 * A token-bucket rate limiter, the one behind a gateway's {@code rate_limit: {rate, burst}} (nginx
 * {@code limit_req rate= burst=}, Envoy's local rate limit, AWS API Gateway throttling): tokens
 * accrue at {@code ratePerSecond} up to {@code burst}, each admitted request takes one, and a
 * request that finds less than one token is rejected at once. So over any span of {@code T} seconds
 * it admits at most {@code burst + rate x T}. The bucket starts full at time 0 and is refilled
 * lazily from the time elapsed since the previous call, so it costs nothing between requests. Times
 * are double seconds passed in; they must not run backwards (an earlier time adds no tokens).
 *
 * <p>A token short of whole by less than {@code 1e-9} counts as whole: elapsed time times rate is
 * rounded in floating point, and without this slack arrivals spaced exactly {@code 1/rate} apart
 * would now and then find 0.9999999999 tokens and be rejected.
 */
public final class TokenBucket {

  private static final double SLACK = 1e-9;

  private final double burst;
  private double rate;
  private double tokens;
  private double last;

  /**
   * A full bucket at time 0.
   *
   * @param ratePerSecond tokens added per second, >= 0
   * @param burst capacity in tokens, >= 1 (a bucket that cannot hold one token admits nothing)
   */
  public TokenBucket(double ratePerSecond, double burst) {
    checkRate(ratePerSecond);
    if (!(burst >= 1) || Double.isInfinite(burst)) {
      throw new IllegalArgumentException("burst must be a finite number >= 1, got " + burst);
    }
    this.rate = ratePerSecond;
    this.burst = burst;
    this.tokens = burst;
    this.last = 0.0;
  }

  private static void checkRate(double rate) {
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("rate must be a finite number >= 0 /s, got " + rate);
    }
  }

  /** Takes one token at {@code now} if there is one; false means the request is rejected. */
  public boolean tryTake(double now) {
    refill(now);
    if (tokens >= 1.0 - SLACK) {
      tokens = Math.max(0.0, tokens - 1.0);
      return true;
    }
    return false;
  }

  /**
   * Changes the refill rate from {@code now} on (adaptive shedding): tokens accrued until {@code
   * now} are credited at the old rate first; the stored tokens are kept.
   */
  public void setRate(double now, double ratePerSecond) {
    checkRate(ratePerSecond);
    refill(now);
    this.rate = ratePerSecond;
  }

  private void refill(double now) {
    if (now > last) {
      tokens = Math.min(burst, tokens + (now - last) * rate);
      last = now;
    }
  }

  /** Tokens per second now. */
  public double rate() {
    return rate;
  }

  /** Capacity in tokens. */
  public double burst() {
    return burst;
  }

  /** Tokens stored at the last call (not refilled to any later time). */
  public double tokens() {
    return tokens;
  }

  /** Throws {@link IllegalStateException} if the stored tokens left [0, burst]. */
  public void checkInvariants() {
    if (!(tokens >= 0 && tokens <= burst)) {
      throw new IllegalStateException("token bucket holds " + tokens + " of " + burst);
    }
  }
}
