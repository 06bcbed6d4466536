package com.authorworks.content.scenes;

import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.SceneId;
import com.authorworks.content.Scenes;
import com.authorworks.platform.UserId;
import com.authorworks.platform.contracts.Callers;

/**
 * The {@link Scenes} contract for other processes, mapped by the interface's own annotations. A call acts
 * only for the user its credentials name (their token, or a service token naming them).
 */
@RestController
class ScenesEndpoint implements Scenes {

    private final SceneTexts texts;

    ScenesEndpoint(SceneTexts texts) {
        this.texts = texts;
    }

    @Override
    public SceneText read(UserId user, SceneId id) {
        Callers.actingFor(user);
        return texts.read(user, id);
    }

    @Override
    public SceneText save(UserId user, SceneId id, SceneEdit edit) {
        Callers.actingFor(user);
        return texts.save(user, id, edit);
    }
}
