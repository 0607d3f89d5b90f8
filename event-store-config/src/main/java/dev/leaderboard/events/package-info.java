/**
 * The events: the stored, permanent contract between the write side and every read model.
 *
 * <p>Axon stores each event's fully qualified class name as its payload type, so classes in this package
 * are never moved or renamed. A change of shape bumps {@code @Revision} and ships an upcaster in
 * {@code dev.leaderboard.eventstore.upcasting}; {@code StoredEventCompatibilityTest} deserializes a stored
 * sample of every revision to keep this honest.
 */
package dev.leaderboard.events;
