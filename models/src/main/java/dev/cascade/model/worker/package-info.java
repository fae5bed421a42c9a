/**
 * Background workers: consumers that pop jobs from a Redis list, process them (a job time plus
 * optional steps such as database calls), and reconnect with backoff while the broker is down,
 * building the backlog that drains after recovery (incident A).
 */
package dev.cascade.model.worker;
