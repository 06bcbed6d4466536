package com.authorworks.platform.services;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Registers beans only when this process does <em>not</em> run the service ({@code AUTHORWORKS_SERVICES}
 * neither {@code all} nor naming it): for the HTTP clients of a service that runs elsewhere.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnMissingServiceCondition.class)
public @interface ConditionalOnMissingService {

    /** The service's name as written in AUTHORWORKS_SERVICES, e.g. {@code storage}. */
    String value();
}
