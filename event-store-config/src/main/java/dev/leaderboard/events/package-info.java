/**
 * The events: the stored, permanent contract between the write side and every read model.
 *
 * <p>Axon stores each event's fully qualified class name as its payload type, so classes in this package
 * are never moved or renamed. Adding a field keeps the revision; removing, renaming or retyping one bumps
 * {@code @Revision} and ships an upcaster. {@code StoredEventCompatibilityTest} deserializes a stored sample of every
 * revision and checks the current class still writes every stored field, to keep this honest.
 */
package dev.leaderboard.events;
