package dev.leaderboard.command.actions;

import dev.leaderboard.boards.Segments;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.ClaimAccessor;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who is submitting, for which player they may, and which segment they may state.
 *
 * @param claimedSegment the token's segment claim (e.g. {@code region}), as the token holds it, or null
 */
record Submitter(String subject, Set<String> scopes, String claimedSegment) {

    private static final Pattern USER_ID = Pattern.compile(Ids.NAME);
    static final String PLAYER = "SCOPE_player";
    static final String SERVICE = "SCOPE_service";

    static Submitter of(Authentication authentication, String segmentClaim) {
        String claimed = authentication.getPrincipal() instanceof ClaimAccessor claims
                && claims.hasClaim(segmentClaim) ? String.valueOf(claims.getClaims().get(segmentClaim)) : null;
        return new Submitter(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet()), claimed);
    }

    /**
     * A service submits for the player named in the body; a player only for itself (naming another user is a 403).
     */
    String playerFor(String requestedUserId) {
        if (isService()) {
            if (requestedUserId == null) {
                throw new ForbiddenSubmissionException("a service token must name the player in 'userId'");
            }
            return requestedUserId;
        }
        if (requestedUserId != null && !requestedUserId.equals(subject)) {
            throw new ForbiddenSubmissionException("a player token may only submit actions for its own subject");
        }
        if (!USER_ID.matcher(subject).matches()) {
            throw new ForbiddenSubmissionException("the token subject is not a valid user id");
        }
        return subject;
    }

    /**
     * The segment a submission states: only trusted sources state one. A service's body field wins over its token's
     * claim (the claim is the default of a regional service); a player may not choose a segment (a 403, like naming
     * another player), and a player token's claim is ignored, since identity providers often let users edit the
     * profile attributes that become claims.
     *
     * @param requested the body's {@code segment}, already validated, or null
     */
    String segmentFor(String requested) {
        if (!isService()) {
            if (requested != null) {
                throw new ForbiddenSubmissionException("a player token may not state a segment; only services can");
            }
            return null;
        }
        if (requested != null || claimedSegment == null) {
            return requested;
        }
        if (!Segments.isValid(claimedSegment)) {
            throw new ForbiddenSubmissionException("the token's segment claim is not 1-32 of [A-Za-z0-9._-]");
        }
        return claimedSegment;
    }

    private boolean isService() {
        return scopes.contains(SERVICE);
    }
}
