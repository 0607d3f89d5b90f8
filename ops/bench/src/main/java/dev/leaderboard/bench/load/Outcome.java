package dev.leaderboard.bench.load;

import java.util.Map;

/**
 * What one call of a load operation came back with.
 *
 * @param label    how the call is counted: for HTTP the status, with "accepted"/"not accepted" for a 202, or the
 *                 exception's simple name when there was no answer
 * @param actions  actions the call carried (1 for {@code POST /api/v1/actions}, the batch size for a batch)
 * @param accepted of those, how many were stored in the event store before the answer ({@code "accepted"}); a
 *                 {@code queued} action (Kafka ingress mode) is not
 * @param statuses the call's actions counted by their status ({@code accepted}, {@code duplicate}, {@code rejected},
 *                 {@code queued}, or the call's label when the call failed as a whole)
 */
public record Outcome(String label, int actions, int accepted, Map<String, Integer> statuses) {

    static final Outcome ACCEPTED = new Outcome("202 accepted", 1, 1, Map.of("accepted", 1));

    public Outcome {
        statuses = Map.copyOf(statuses);
    }

    /** A call of {@code actions} actions of which none was accepted, all counted under the call's label. */
    /** One action accepted, as the given path reports it (e.g. acknowledged by Kafka). */
    public static Outcome accepted(String label) {
        return new Outcome(label, 1, 1, Map.of("accepted", 1));
    }

    public static Outcome none(String label, int actions) {
        return new Outcome(label, actions, 0, actions == 0 ? Map.of() : Map.of(label, actions));
    }

    /** Every action of the call was accepted. */
    public boolean allAccepted() {
        return actions > 0 && accepted == actions;
    }

    /** The answer of {@code POST /api/v1/actions}. */
    static Outcome ofSingle(int status, String body) {
        if (status == 202) {
            return body.contains("\"status\":\"accepted\"") ? ACCEPTED : none("202 not accepted", 1);
        }
        if (status == 200 && body.contains("\"status\":\"duplicate\"")) {
            return new Outcome("200 duplicate", 1, 0, Map.of("duplicate", 1));
        }
        return none(Integer.toString(status), 1);
    }

    /** No answer: the exception's simple name. */
    public static Outcome failed(Exception e, int actions) {
        return none(e.getClass().getSimpleName(), actions);
    }
}
