/**
 * The component models of Cascade and how one run is assembled: {@link
 * dev.cascade.model.ModelRunner} builds the components of a {@link
 * dev.cascade.model.spec.ModelSpec} on a fresh simulation, wires traffic, services, caches,
 * databases, breakers and faults together, and returns the run's metrics and timeline. Models know
 * nothing of scenario files.
 */
package dev.cascade.model;
