/**
 * The read API and live stream (issue "Read side and live updates"). Reads what {@code projections} writes; never
 * depends on the command side.
 */
package dev.leaderboard.query;
