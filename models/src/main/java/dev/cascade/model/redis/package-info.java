/**
 * Redis as a cache (and later a broker): shards served FIFO, hit ratio and its re-growth after data
 * loss, and the failure modes a client sees (refused, hung, slow), with restart policies.
 */
package dev.cascade.model.redis;
