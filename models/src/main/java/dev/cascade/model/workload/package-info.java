/**
 * Traffic: open-loop workload classes whose arrivals do not wait for responses, and the clients'
 * behaviour (end-to-end timeout, retries with exponential backoff and jitter, retry budget) that
 * turns a short fault into a metastable overload.
 */
package dev.cascade.model.workload;
