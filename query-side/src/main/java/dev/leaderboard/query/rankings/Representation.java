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
        return of(body, version, "");
    }

    /**
     * @param variant what else the body depends on besides the board version (e.g. the board's tiers), appended to
     *                a version tag; empty for nothing. Digest tags cover everything already.
     */
    public static Representation of(byte[] body, BoardVersion version, String variant) {
        return new Representation(body, version != null ? versionTag(version, variant) : digestTag(body), version);
    }

    /** The entity tag of a board version, with a variant when the body depends on more than the board's rows. */
    public static String versionTag(BoardVersion version, String variant) {
        String tag = version.etag();
        return variant.isEmpty() ? tag : tag.substring(0, tag.length() - 1) + "-" + variant + "\"";
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
