package dev.cascade.model.fault;

/**
 * What a fault can do to a component. A component supports the actions that make sense for it; the
 * others throw {@link UnsupportedFaultException}, which the scenario loader prevents by checking
 * actions against kinds before time 0.
 */
public interface FaultTarget {

  /** Component name. */
  String name();

  /** Process gone: connections refused at once, in-memory data lost. */
  default void crash(String cause) {
    throw new UnsupportedFaultException(name(), "crash");
  }

  /** Process alive but not answering: calls wait until their timeout. */
  default void hang() {
    throw new UnsupportedFaultException(name(), "hang");
  }

  /** Every operation takes {@code addedSeconds} longer (a persistence stall, a slow disk). */
  default void slow(double addedSeconds) {
    throw new UnsupportedFaultException(name(), "slow");
  }

  /** The fault's duration is over: back to normal service. */
  default void recover(String cause) {
    throw new UnsupportedFaultException(name(), "recover");
  }

  /** An operator or automation restarts the process (remediation); by default, a recovery. */
  default void restart(String cause) {
    recover(cause);
  }

  /** Data loss without downtime. */
  default void flush() {
    throw new UnsupportedFaultException(name(), "flush");
  }

  /** Takes {@code count} nodes out of service. */
  default void killNodes(int count) {
    throw new UnsupportedFaultException(name(), "kill_nodes");
  }

  /** Brings back {@code count} killed nodes. */
  default void reviveNodes(int count) {
    throw new UnsupportedFaultException(name(), "kill_nodes");
  }

  /** Multiplies arrivals by {@code factor} (workload classes). */
  default void spike(double factor) {
    throw new UnsupportedFaultException(name(), "spike");
  }

  /** A fault action the target does not support. */
  final class UnsupportedFaultException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnsupportedFaultException(String target, String action) {
      super(target + " does not support the fault action " + action);
    }
  }
}
