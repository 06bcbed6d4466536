package com.authorworks.editor.internal.sync;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.authorworks.content.ContentUnavailableException;
import com.authorworks.content.SceneId;
import com.authorworks.content.SceneRevised;
import com.authorworks.content.Scenes;
import com.authorworks.editor.internal.EditorProperties;
import com.authorworks.editor.internal.document.PlateText;
import com.authorworks.editor.internal.log.DocumentLog;
import com.authorworks.editor.internal.yjs.Yjs;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One text, two homes: keeps a shared document in step with its scene in content, which stays the
 * source for reading, export and history.
 * <ul>
 *   <li>a document opened for the first time is seeded from the scene's text; one whose scene changed
 *       while nobody had it open is replaced by the scene's text when it is opened;</li>
 *   <li>peers' changes are written back through content's {@link Scenes} contract as a new version
 *       (origin {@code collaboration}, sanitised by content) at most every {@code write-back} while they
 *       type, and when the last peer leaves;</li>
 *   <li>a scene saved outside the editor (a plain save, a restore, a generation) replaces the shared
 *       document's text for everyone connected, block by block: what they type at that moment in an
 *       unchanged paragraph survives, in a replaced one it goes with it.</li>
 * </ul>
 */
@Component
public class SceneLink implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SceneLink.class);
    static final String ORIGIN = "collaboration";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Scenes scenes;
    private final DocumentLog documents;
    private final Yjs yjs;
    private final EditorProperties properties;
    private final SharedDocuments shared;
    private final Map<SceneId, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("editor-write-back").daemon().factory());

    SceneLink(Scenes scenes, DocumentLog documents, Yjs yjs, EditorProperties properties, SharedDocuments shared) {
        this.scenes = scenes;
        this.documents = documents;
        this.yjs = yjs;
        this.properties = properties;
        this.shared = shared;
        shared.link(this);
    }

    /** On open (under the room's lock, before any peer is told its state): seed or catch up with content. */
    void opened(Room room, UserId user) {
        Scenes.SceneText scene = scenes.read(user, room.id);
        Optional<Integer> known = documents.contentVersion(room.id);
        room.contentVersion = known.orElse(0);
        if (known.isEmpty() || known.get() < scene.version()) {
            replace(room, scene, user);
        } else {
            room.contentHtml = PlateText.toHtml(JSON.valueToTree(PlateText.fromHtml(scene.html())));
        }
    }

    /** A peer changed the document: write it back within {@code write-back}, once for all changes till then. */
    void changed(Room room) {
        scheduled.computeIfAbsent(room.id, id -> timer.schedule(() -> {
            scheduled.remove(id);
            writeBack(room);
        }, properties.writeBack().toMillis(), TimeUnit.MILLISECONDS));
    }

    /** The last peer left: write back now (the caller holds the room's lock and compacts after). */
    void closing(Room room) {
        ScheduledFuture<?> pending = scheduled.remove(room.id);
        if (pending != null) {
            pending.cancel(false);
        }
        writeBack(room);
    }

    private void writeBack(Room room) {
        synchronized (room) {
            UserId author = room.takeDirty();
            if (author == null) {
                return;
            }
            try {
                JsonNode value = JSON.readTree(yjs.json(room.state())).path("content");
                String html = PlateText.toHtml(value.isArray() ? value : JSON.createArrayNode());
                if (html.equals(room.contentHtml)) {
                    return;
                }
                Scenes.SceneText saved = scenes.save(author, room.id, new Scenes.SceneEdit(html, room.contentVersion, ORIGIN));
                room.contentVersion = saved.version();
                room.contentHtml = html;
                documents.contentVersion(room.id, saved.version());
            } catch (Problem problem) {
                // 409: the scene was saved outside the editor meanwhile; its SceneRevised replaces the document.
                // 404: the author lost the book. Either way this text is not content's to keep.
                log.info("shared document {} not written back: {}", room.id, problem.getMessage());
            } catch (ContentUnavailableException e) {
                log.warn("shared document {} not written back, content unavailable; retrying: {}", room.id, e.getMessage());
                room.markDirty(author);
                if (!room.isClosed()) {
                    changed(room);
                }
            }
        }
    }

    @ApplicationModuleListener(id = "editor.scene-revised")
    void on(SceneRevised event) {
        if (ORIGIN.equals(event.origin())) {
            return;
        }
        shared.open(event.sceneId()).ifPresent(room -> {
            synchronized (room) {
                if (room.isClosed() || event.version() <= room.contentVersion) {
                    return;
                }
                replace(room, scenes.read(event.owner(), event.sceneId()), event.owner());
            }
        });
        // a document nobody has open catches up when it is next opened (its content version is behind)
    }

    private void replace(Room room, Scenes.SceneText scene, UserId author) {
        var plate = PlateText.fromHtml(scene.html());
        byte[] change = yjs.replace(room.state(), JSON.writeValueAsString(plate));
        if (change.length > 0) {
            room.applyFromContent(change, author);
        }
        room.contentVersion = scene.version();
        room.contentHtml = PlateText.toHtml(JSON.valueToTree(plate));
        documents.contentVersion(room.id, scene.version());
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
