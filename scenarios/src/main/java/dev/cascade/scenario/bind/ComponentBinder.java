package dev.cascade.scenario.bind;

import dev.cascade.model.spec.ComponentKind;
import dev.cascade.model.spec.ComponentSpec;

/**
 * Binds the fields of one component of a given kind; {@link ComponentBinders} maps every {@link
 * ComponentKind} to one.
 */
@FunctionalInterface
interface ComponentBinder {

  /**
   * Binds component {@code name} from {@code r} (whose {@code kind} field is already read).
   * Problems go to {@code ctx}; the result may hold stand-in values when there were any.
   */
  ComponentSpec bind(String name, MapReader r, BindContext ctx);
}
