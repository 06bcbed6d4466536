package com.authorworks.engine.story;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The story bible's people (for non-fiction: the people, sources and ideas the book follows). */
public record Cast(List<Character> characters) {

    public record Character(String name, List<String> aliases, String role, String description, String goal, String flaw,
                            String arc) {

        public Character {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    public List<String> names() {
        return characters.stream().map(Character::name).toList();
    }

    public Optional<Character> find(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return characters.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(wanted)
                || c.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(wanted))).findFirst();
    }
}
