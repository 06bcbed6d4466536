package com.authorworks.platform.services;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.env.Environment;

/** The services this process runs, from {@code authorworks.services} ({@code all} by default). */
public record EnabledServices(Set<String> names) {

    public static final String PROPERTY = "authorworks.services";

    public static EnabledServices from(Environment environment) {
        return parse(environment.getProperty(PROPERTY, "all"));
    }

    public static EnabledServices parse(String value) {
        Set<String> names = Arrays.stream(value.split(","))
                .map(String::trim)
                .map(String::toLowerCase)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return new EnabledServices(names.isEmpty() ? Set.of("all") : names);
    }

    public boolean includes(String service) {
        return names.contains("all") || names.contains(service.toLowerCase());
    }

    @Override
    public String toString() {
        return String.join(",", names);
    }
}
