/**
 * The discrete-event engine: a simulation clock and an event list.
 *
 * <p>{@link dev.cascade.core.event.Simulation} owns simulated time (double seconds) and fires
 * events in time order, ties in scheduling order, so a run is a pure function of its inputs. The
 * event list, {@link dev.cascade.core.event.EventList}, is a 4-ary heap over primitive arrays with
 * lazy O(1) cancellation: timeouts are armed for almost every request and almost always cancelled,
 * so a cancel only marks a slot and the heap is compacted when cancelled entries dominate. Events
 * carry a handler, an int type, an int argument and an optional payload object, so models schedule
 * work without allocating a lambda per event.
 */
package dev.cascade.core.event;
