package com.authorworks.discovery.internal;

import org.springframework.stereotype.Component;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Sentence embeddings in-process: the quantized all-MiniLM-L6-v2 (384 dimensions, unit length), run
 * by ONNX Runtime from the model inside its jar; nothing is downloaded. Loaded on first use (about a
 * second), and only in a process that runs discovery.
 */
@Component
class Embeddings {

    static final int DIMENSIONS = 384;

    private volatile EmbeddingModel model;

    float[] embed(String text) {
        float[] vector = model().embed(text).content().vector();
        return normalise(vector);
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
                loaded = model;
            }
        }
        return loaded;
    }

    static float[] normalise(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return vector;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
