/**
 * The built-in scenario library: scenario files shipped as resources, one per reference incident
 * (see REFERENCE-INCIDENTS.md), listed by an index so {@code cascade list} needs no classpath
 * scanning.
 */
package dev.cascade.scenario.builtin;
