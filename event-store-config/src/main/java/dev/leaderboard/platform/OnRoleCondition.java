package dev.leaderboard.platform;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

class OnRoleCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Role required = (Role) metadata.getAnnotationAttributes(ConditionalOnRole.class.getName()).get("value");
        Set<Role> active = activeRoles(context);
        return active.contains(required)
                ? ConditionOutcome.match("role " + required + " is active")
                : ConditionOutcome.noMatch("role " + required + " is not in " + Role.PROPERTY + "=" + active);
    }

    static Set<Role> activeRoles(ConditionContext context) {
        List<String> configured = Binder.get(context.getEnvironment())
                .bind(Role.PROPERTY, Bindable.listOf(String.class))
                .orElse(List.of());
        if (configured.isEmpty()) {
            return Role.all();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        configured.forEach(value -> roles.add(Role.parse(value)));
        return roles;
    }
}
