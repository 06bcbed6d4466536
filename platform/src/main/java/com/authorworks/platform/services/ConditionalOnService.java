package com.authorworks.platform.services;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Registers a service's beans only when {@code AUTHORWORKS_SERVICES} (property
 * {@code authorworks.services}) is {@code all} or names the service.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnServiceCondition.class)
public @interface ConditionalOnService {

    /** The service's name as written in AUTHORWORKS_SERVICES, e.g. {@code identity}. */
    String value();
}
