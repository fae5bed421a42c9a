/**
 * Fault injection: faults at fixed times (crash, hang, slow, kill_nodes, spike, flush), each with
 * an optional duration, applied to components through {@link dev.cascade.model.fault.FaultTarget}.
 */
package dev.cascade.model.fault;
