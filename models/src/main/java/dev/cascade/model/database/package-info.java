/**
 * Database read nodes: parallel workers per node, FIFO queues, per-node connection pools with an
 * acquire timeout, Universal Scalability Law contention, wasted work of abandoned queries, and
 * nodes that fail.
 */
package dev.cascade.model.database;
