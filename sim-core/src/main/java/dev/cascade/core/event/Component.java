package dev.cascade.core.event;

/**
 * An {@link EventHandler} that the engine can recognise cheaply: model components extend it instead
 * of implementing the interface. The event list keeps the handler's id in the object (instead of
 * looking it up in an identity hash on every scheduling), and the event loop calls it through the
 * class's virtual table instead of an interface dispatch. Behaviour is the same as for any other
 * handler; lambdas and other handlers keep working.
 */
public abstract class Component implements EventHandler {

  /** The event list that assigned {@link #handlerId}, or null. */
  EventList idOwner;

  /** This handler's id in {@link #idOwner}'s registry. */
  int handlerId;

  @Override
  public abstract void handle(int type, int arg, Object payload);
}
