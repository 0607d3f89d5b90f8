/**
 * Streaming event processors that keep the read models: Redis sorted sets per window and the PostgreSQL snapshot
 * table (issue "Projections"). Depends on the event contract only, never on the command side.
 */
package dev.leaderboard.projections;
