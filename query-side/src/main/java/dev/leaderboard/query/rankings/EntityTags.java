package dev.leaderboard.query.rankings;

/** {@code If-None-Match} matching (RFC 9110 §13.1.2: weak comparison, a list of tags, or {@code *}). */
public final class EntityTags {

    private EntityTags() {
    }

    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        String value = ifNoneMatch.trim();
        if (value.equals("*")) {
            return true;
        }
        int at = 0;
        while (at < value.length()) {
            int comma = value.indexOf(',', at);
            int end = comma < 0 ? value.length() : comma;
            String candidate = value.substring(at, end).trim();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals(etag)) {
                return true;
            }
            at = end + 1;
        }
        return false;
    }
}
