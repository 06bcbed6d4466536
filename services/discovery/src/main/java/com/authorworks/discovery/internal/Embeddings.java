package com.authorworks.discovery.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Sentence embeddings in-process: the quantized all-MiniLM-L6-v2 (384 dimensions, unit length), run
 * by ONNX Runtime from the model inside its jar; nothing is downloaded. Only a process that runs
 * discovery loads it, in the background once the process is ready: loading unpacks ONNX Runtime's and
 * the tokenizer's native libraries and reads the model, seconds on a busy machine, which the first book
 * published must not wait for (it is searchable when it is embedded). The session is made small: one thread, on the
 * caller's, and no memory arena or pre-planned buffers — with ONNX Runtime's defaults (a thread and a
 * growing arena per core) the model alone cost the platform about 120 MB (bench/README.md, Memory).
 */
@Component
class Embeddings {

    private static final Logger log = LoggerFactory.getLogger(Embeddings.class);

    static final int DIMENSIONS = 384;

    private volatile EmbeddingModel model;

    float[] embed(String text) {
        float[] vector = model().embed(text).content().vector();
        return normalise(vector);
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadInTheBackground() {
        Thread.ofPlatform().daemon().name("discovery-embeddings").start(() -> {
            long start = System.nanoTime();
            try {
                model();
                log.info("Discovery's embedding model is loaded ({} ms)", (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("Discovery's embedding model could not be loaded in the background; it is tried again on first use", e);
            }
        });
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = new SmallSessionModel(load());
                }
                loaded = model;
            }
        }
        return loaded;
    }

    private static OnnxBertBiEncoder load() {
        ClassLoader jar = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader();
        try (InputStream model = jar.getResourceAsStream("all-minilm-l6-v2-q.onnx");
             InputStream tokenizer = jar.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json");
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("The all-MiniLM-L6-v2 model is missing from the class path");
            }
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the embedding model", e);
        }
    }

    /** The model run on the caller's thread (no pool of its own). */
    private static final class SmallSessionModel extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        SmallSessionModel(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
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
