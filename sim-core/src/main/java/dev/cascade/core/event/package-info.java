/**
 * The discrete-event engine: a simulation clock and an event list.
 *
 * <p>{@link dev.cascade.core.event.Simulation} owns simulated time (double seconds) and fires
 * events in time order, ties in scheduling order, so a run is a pure function of its inputs. The
 * event list, {@link dev.cascade.core.event.EventList}, keeps few pending events in a 4-ary heap
 * over primitive arrays and, past 64, moves later events into equal-width unsorted time buckets
 * that are sorted one at a time as the clock reaches them (a calendar/ladder-queue hybrid), so a
 * million pending timers cost O(1) per operation. Cancellation is lazy and O(1): timeouts are armed
 * for almost every request and almost always cancelled, so a cancel only marks a slot, and
 * constant-delay timeouts go to {@link dev.cascade.core.event.TimeoutQueue} rings. Events carry a
 * handler, an int type, an int argument and an optional payload object, so models schedule work
 * without allocating a lambda per event.
 */
package dev.cascade.core.event;
