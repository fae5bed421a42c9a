package dev.cascade.model.service;

/**
 * The breaker a step consults, per service instance. Implemented over a breaker policy's group of
 * state machines; {@link #NONE} always permits.
 */
public interface Breakers {

  /** Whether instance {@code instance} may make the call now. */
  boolean tryAcquire(int instance, double now);

  /** Records a successful call that took {@code duration} seconds. */
  void onSuccess(int instance, double now, double duration);

  /** Records a failed call (error or timeout) that took {@code duration} seconds. */
  void onError(int instance, double now, double duration);

  /** No breaker: every call is permitted and nothing is recorded. */
  Breakers NONE =
      new Breakers() {
        @Override
        public boolean tryAcquire(int instance, double now) {
          return true;
        }

        @Override
        public void onSuccess(int instance, double now, double duration) {}

        @Override
        public void onError(int instance, double now, double duration) {}
      };
}
