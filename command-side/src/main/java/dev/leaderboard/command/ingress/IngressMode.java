package dev.leaderboard.command.ingress;

/** {@code leaderboard.ingress} ({@code LEADERBOARD_INGRESS}): where the REST endpoints hand actions. */
public enum IngressMode {
    /** Decided and committed before the answer ({@link DirectIngress}). */
    DIRECT,
    /** Produced to the Kafka ingress topic; answered {@code queued} once the broker has it. */
    KAFKA
}
