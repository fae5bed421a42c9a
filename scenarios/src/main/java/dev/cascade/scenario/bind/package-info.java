/**
 * From scenario text to validated, resolved {@link dev.cascade.scenario.spec.Scenario}s. {@link
 * dev.cascade.scenario.bind.ScenarioLoader} is the entry point. Text is parsed by Jackson's
 * streaming parser into a small tree that keeps the line and column of every key and value; {@code
 * --set} options, variants and sweep points edit that tree; binders (one per component kind, in one
 * registry) read it into the models' spec records with the defaults of {@code Defaults}, collecting
 * every problem as {@code file:line:col: path: message}; a reference check then verifies names,
 * kinds, metrics and call cycles. The binders also write the resolved document, so {@code
 * scenario.resolved.yaml} shows every default and loads back to the same models.
 */
package dev.cascade.scenario.bind;
