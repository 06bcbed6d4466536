package com.authorworks.engine.story;

/**
 * A point in story order. Chapter 0 scene 0 is the plan, before any scene; scene numbers are 1-based.
 */
public record ScenePosition(int chapter, int scene) implements Comparable<ScenePosition> {

    public static final ScenePosition PLAN = new ScenePosition(0, 0);

    @Override
    public int compareTo(ScenePosition other) {
        return chapter != other.chapter ? Integer.compare(chapter, other.chapter) : Integer.compare(scene, other.scene);
    }

    public boolean isBefore(ScenePosition other) {
        return compareTo(other) < 0;
    }

    @Override
    public String toString() {
        return this.equals(PLAN) ? "plan" : chapter + "." + scene;
    }
}
