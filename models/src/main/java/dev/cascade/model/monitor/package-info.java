/**
 * Monitors: alerts on any metric, evaluated periodically, firing after a condition has held for a
 * while, with optional automated remediation (restart with a success probability, escalation after
 * repeated failures), as in the "Redis connection refused" runbook of incident D.
 */
package dev.cascade.model.monitor;
