package com.authorworks.engine.internal;

import com.authorworks.engine.story.SceneMemory;

import java.util.List;

/** The answer of a chapter's last memory call: the scene's memory and the chapter's summary. */
public record LastSceneMemory(String summary, List<SceneMemory.NewFact> facts, List<SceneMemory.Contradiction> contradictions,
                              String chapterSummary) {

    public SceneMemory memory() {
        return new SceneMemory(summary, facts, contradictions);
    }
}
