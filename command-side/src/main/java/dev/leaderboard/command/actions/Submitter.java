package dev.leaderboard.command.actions;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Who is submitting, and for which player they may. */
record Submitter(String subject, Set<String> scopes) {

    private static final Pattern USER_ID = Pattern.compile(Ids.NAME);
    static final String PLAYER = "SCOPE_player";
    static final String SERVICE = "SCOPE_service";

    static Submitter of(Authentication authentication) {
        return new Submitter(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * A service submits for the player named in the body; a player only for itself (naming another user is a 403).
     */
    String playerFor(String requestedUserId) {
        if (scopes.contains(SERVICE)) {
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
}
