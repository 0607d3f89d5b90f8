package dev.leaderboard.bench.load;

/**
 * What one submission came back with. Only a 202 whose body says {@code "status":"accepted"} (stored in the event
 * store before the answer) counts as accepted; a 202 {@code queued} (Kafka ingress mode) does not.
 *
 * @param label    how it is counted: the HTTP status, with "queued" for a 202 that is not accepted, or the
 *                 exception's simple name when there was no answer
 */
public record Outcome(String label, boolean accepted) {

    static final Outcome ACCEPTED = new Outcome("202 accepted", true);

    static Outcome of(int status, String body) {
        if (status == 202) {
            return body.contains("\"status\":\"accepted\"") ? ACCEPTED : new Outcome("202 not accepted", false);
        }
        return new Outcome(Integer.toString(status), false);
    }

    static Outcome failed(Exception e) {
        return new Outcome(e.getClass().getSimpleName(), false);
    }
}
