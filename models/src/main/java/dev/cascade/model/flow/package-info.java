/**
 * How a request travels: the {@link dev.cascade.model.flow.Request} record of one attempt, the
 * {@link dev.cascade.model.flow.RequestSink} that components accept requests through, and the
 * {@link dev.cascade.model.flow.Backend} operations (cache gets, database queries) that a service
 * thread issues and waits for. Replies carry a call sequence number so that a reply arriving after
 * its caller gave up is recognised as wasted work.
 */
package dev.cascade.model.flow;
