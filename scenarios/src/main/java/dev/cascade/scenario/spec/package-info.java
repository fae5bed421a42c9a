/**
 * What a loaded scenario is, independent of the file it came from: its {@link
 * dev.cascade.scenario.spec.Variant}s (each a bound {@link dev.cascade.model.spec.ModelSpec}), the
 * sweep grid, the {@link dev.cascade.scenario.spec.Case}s to run (variant x sweep point), the
 * report windows and the checks. Everything here is immutable and already validated; the loader in
 * {@code dev.cascade.scenario.bind} builds it.
 */
package dev.cascade.scenario.spec;
