package dev.cascade.model.spec;

/** How one attempt ends, exactly as the scenario format defines it. */
public enum Outcome {
  /** Answered successfully before the client's timeout. */
  OK,
  /** Rejected: 503 from a gateway limit or a full queue. */
  REJECTED,
  /** Any other failure (500s, refused connections, pool exhausted). */
  ERROR,
  /** The client gave up; a later response is wasted work. */
  TIMEOUT
}
