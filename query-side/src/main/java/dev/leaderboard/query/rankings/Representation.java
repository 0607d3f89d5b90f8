package dev.leaderboard.query.rankings;

import dev.leaderboard.projections.layout.BoardVersion;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A read's JSON body, serialized once, with its entity tag: the board version's when Redis answered (no hashing on
 * the hot path), a digest of the body when PostgreSQL did (expired periods, custom ranges, Redis unavailable).
 */
public record Representation(byte[] body, String etag, BoardVersion version) {

    public static Representation of(byte[] body, BoardVersion version) {
        return new Representation(body, version != null ? version.etag() : digestTag(body), version);
    }

    /** Whether an {@code If-None-Match} value names this representation (a list, {@code *}, weak tags too). */
    public boolean matches(String ifNoneMatch) {
        return EntityTags.matches(ifNoneMatch, etag);
    }

    private static String digestTag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"h" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
