package dev.leaderboard.command.kafka;

import dev.leaderboard.command.ingress.IngressMode;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** {@code leaderboard.ingress=kafka}, bound as Spring Boot binds it (case-insensitive). */
class OnKafkaIngressMode implements Condition {

    static IngressMode mode(Binder binder) {
        return binder.bind("leaderboard.ingress", IngressMode.class).orElse(IngressMode.DIRECT);
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return mode(Binder.get(context.getEnvironment())) == IngressMode.KAFKA;
    }
}
