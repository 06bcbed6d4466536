package com.authorworks.editor.internal.document;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.SceneId;
import com.authorworks.content.Scenes;
import com.authorworks.editor.internal.sync.SharedDocuments;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/editor/document/{id}}: a scene as a document, in Plate's JSON, HTML and Markdown;
 * {@code PUT}: a save from a client that does not collaborate, with {@code baseVersion} (409
 * {@code edit-conflict} when someone saved since, as scenes answer). Who may do what is content's
 * decision (through its {@link Scenes} contract): the 404 it gives is the answer here too.
 */
@RestController
@RequestMapping("/api/v1/editor/document/{id}")
class DocumentController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_HTML = 2_000_000;

    private final Scenes scenes;
    private final SharedDocuments documents;

    DocumentController(Scenes scenes, SharedDocuments documents) {
        this.scenes = scenes;
        this.documents = documents;
    }

    /**
     * The document: {@code plate} is Plate's value (what the shared document holds while it is in step with
     * content, else the scene's text), {@code html} and {@code markdown} the same text, {@code contentVersion}
     * the scene's latest version (the {@code baseVersion} of a save).
     */
    record Document(UUID documentId, String title, int contentVersion, JsonNode plate, String html, String markdown,
                    List<SharedDocuments.Participant> participants) {
    }

    /** A save: the new text as {@code html} or as Plate's value ({@code plate}), and the version it was edited from. */
    record Save(String html, JsonNode plate, Integer baseVersion) {
    }

    @GetMapping
    Document get(@PathVariable UUID id) {
        SceneId document = new SceneId(id);
        return view(scenes.read(user().id(), document));
    }

    @PutMapping
    Document put(@PathVariable UUID id, @RequestBody(required = false) Save save) {
        SceneId document = new SceneId(id);
        // who may see the scene first: a stranger learns nothing from how their body is wrong
        scenes.read(user().id(), document);
        if (save == null || (save.html() == null) == (save.plate() == null)) {
            throw Problem.badRequest("text-required", "Send the new text as html or as plate (Plate's value), one of them.");
        }
        if (save.baseVersion() == null || save.baseVersion() < 1) {
            throw Problem.badRequest("base-version-required", "baseVersion, the version you edited, is required (from GET).");
        }
        String html;
        if (save.plate() != null) {
            if (!save.plate().isArray()) {
                throw Problem.badRequest("plate-invalid", "plate must be Plate's value: an array of nodes.");
            }
            html = PlateText.toHtml(save.plate());
        } else {
            html = save.html();
        }
        if (html.length() > MAX_HTML) {
            throw Problem.badRequest("text-too-long", "A scene's text may be at most " + MAX_HTML + " characters.");
        }
        return view(scenes.save(user().id(), document, new Scenes.SceneEdit(html, save.baseVersion(), "editor")));
    }

    private Document view(Scenes.SceneText scene) {
        JsonNode plate = documents.plateInStep(scene.id(), scene.version())
                .map(JSON::readTree)
                .orElseGet(() -> JSON.valueToTree(PlateText.fromHtml(scene.html())));
        String html = PlateText.toHtml(plate);
        return new Document(scene.id().value(), scene.title(), scene.version(), plate, html, PlateText.toMarkdown(plate),
                documents.participants(scene.id()));
    }

    private static CurrentUser user() {
        return CurrentUser.find().orElseThrow(() -> Problem.notFound("scene-not-found", "No such scene."));
    }
}
