/**
 * The API gateway: token-bucket rate limiting and adaptive load shedding driven by a metric
 * condition checked periodically (incident E's throttling of redirect reads).
 */
package dev.cascade.model.gateway;
