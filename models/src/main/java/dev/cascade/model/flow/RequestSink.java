package dev.cascade.model.flow;

/** A component that takes requests: a gateway or a service. */
public interface RequestSink {

  /** Accepts a request; the component answers through {@link Request#respond}. */
  void accept(Request r);
}
