package com.authorworks.editor.internal.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.AccessPolicy;
import com.authorworks.content.SceneId;
import com.authorworks.content.Scenes;
import com.authorworks.editor.internal.sync.SharedDocuments;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;

/**
 * {@code POST /api/v1/editor/document/{id}/collaborate}: start or join the shared editing of a scene.
 * Content's access policy decides (through its {@link Scenes} contract): the book's owner writes, a
 * reader of a published book follows read-only, anyone else gets the 404 content gives them.
 */
@RestController
@RequestMapping("/api/v1/editor/document/{id}")
class CollaborationController {

    private final Scenes scenes;
    private final Tickets tickets;
    private final SharedDocuments documents;

    CollaborationController(Scenes scenes, Tickets tickets, SharedDocuments documents) {
        this.scenes = scenes;
        this.tickets = tickets;
        this.documents = documents;
    }

    /**
     * A session to join: open {@code socket}{@code ?ticket=}{@code ticket} before {@code expiresAt}
     * with a y-websocket provider (room name: the document id).
     */
    record Session(UUID documentId, String socket, String ticket, Instant expiresAt, Tickets.Mode mode, int contentVersion,
                   List<SharedDocuments.Participant> participants) {
    }

    @PostMapping("/collaborate")
    Session collaborate(@PathVariable UUID id) {
        CurrentUser user = CurrentUser.find().orElseThrow(() -> Problem.notFound("scene-not-found", "No scene " + id + "."));
        SceneId document = new SceneId(id);
        Scenes.SceneText scene = scenes.read(user.id(), document);
        Tickets.Mode mode = scene.access() == AccessPolicy.Access.OWN ? Tickets.Mode.WRITE : Tickets.Mode.READ;
        Tickets.Ticket ticket = tickets.issue(document, user.id(), mode);
        return new Session(id, "/ws/editor/" + id, tickets.encode(ticket), ticket.expires(), mode, scene.version(),
                documents.participants(document));
    }
}
