package com.authorworks.editor.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the editor service ({@code authorworks.editor.*}).
 *
 * @param ticketLifetime how long a collaboration ticket may be used to open the socket (it is checked on connect only)
 * @param compactEvery   how many updates a document's log may gather after its snapshot before it is compacted
 * @param yjsContexts    how many GraalJS contexts may run yjs at once (each holds its own copy of yjs's heap)
 * @param maxMessage     the largest WebSocket message a client may send (a first sync of a long offline session is the largest)
 * @param writeBack      how long after the first unsaved change the shared document is written back to content as a new version
 */
@ConfigurationProperties("authorworks.editor")
public record EditorProperties(Duration ticketLifetime, Integer compactEvery, Integer yjsContexts, Integer maxMessage, Duration writeBack) {

    public EditorProperties {
        if (ticketLifetime == null) {
            ticketLifetime = Duration.ofMinutes(2);
        }
        if (compactEvery == null) {
            compactEvery = 200;
        }
        if (yjsContexts == null) {
            yjsContexts = 2;
        }
        if (maxMessage == null) {
            maxMessage = 8 * 1024 * 1024;
        }
        if (writeBack == null) {
            writeBack = Duration.ofSeconds(2);
        }
    }
}
