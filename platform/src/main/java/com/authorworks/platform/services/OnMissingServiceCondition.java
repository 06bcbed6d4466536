package com.authorworks.platform.services;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

final class OnMissingServiceCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnMissingService.class.getName());
        String service = (String) attributes.get("value");
        EnabledServices enabled = EnabledServices.from(context.getEnvironment());
        return enabled.includes(service)
                ? ConditionOutcome.noMatch("service " + service + " runs in this process")
                : ConditionOutcome.match("service " + service + " is not in " + enabled);
    }
}
