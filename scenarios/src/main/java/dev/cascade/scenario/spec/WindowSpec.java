package dev.cascade.scenario.spec;

/**
 * A report window a scenario declares, {@code recovery: {from: 25m, to: 30m}}.
 *
 * @param from start in simulated seconds
 * @param to end in simulated seconds; a run with a shorter horizon cuts it there
 */
public record WindowSpec(String name, double from, double to) {}
