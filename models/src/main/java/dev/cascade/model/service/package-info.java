/**
 * App servers: instances with a fixed thread pool and a bounded queue each, and the steps a request
 * runs while it holds its thread (work, cache-aside reads through a breaker, database calls with
 * timeouts and retries, enqueues). A thread held by a hung call is a thread no other request gets:
 * that is how a slow dependency exhausts a service.
 */
package dev.cascade.model.service;
