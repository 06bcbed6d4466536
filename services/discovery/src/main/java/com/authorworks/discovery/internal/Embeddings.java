package com.authorworks.discovery.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Sentence embeddings in-process: the quantized all-MiniLM-L6-v2 (384 dimensions, unit length), run
 * by ONNX Runtime from the model inside langchain4j's jar; nothing is downloaded. Only a process that runs
 * discovery loads it, in the background once the process is ready: loading unpacks ONNX Runtime's native
 * library and reads the model, seconds on a busy machine, which the first book published must not wait for
 * (it is searchable when it is embedded).
 *
 * <p>Discovery owns the ONNX session and the tokenizer (langchain4j's encoder is not used), to keep the
 * model's memory small (bench/README.md, Memory): the session runs on the caller's thread with no thread
 * pool, memory arena or pre-planned buffers of its own (with ONNX Runtime's defaults, a thread and a growing
 * arena per core), and the tokenizer is {@link BertTokenizer}, in Java, instead of the native one, which
 * cost about 22 MB. What it computes is what langchain4j's encoder did (the same vectors): the text's first
 * 126 word pieces between {@code [CLS]} and {@code [SEP]} (the tokenizer's truncation, 128), the mean of the
 * model's last hidden states.
 */
@Component
class Embeddings {

    private static final Logger log = LoggerFactory.getLogger(Embeddings.class);

    static final int DIMENSIONS = 384;

    private volatile Model model;

    float[] embed(String text) {
        return normalise(model().embed(text));
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

    private Model model() {
        Model loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = Model.load();
                }
                loaded = model;
            }
        }
        return loaded;
    }

    /** The ONNX session and its tokenizer. */
    private record Model(OrtEnvironment environment, OrtSession session, BertTokenizer tokenizer, boolean typeIds) {

        static Model load() {
            ClassLoader jar = Embeddings.class.getClassLoader();
            try (InputStream model = jar.getResourceAsStream("all-minilm-l6-v2-q.onnx");
                 InputStream tokenizer = jar.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json");
                 OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                if (model == null || tokenizer == null) {
                    throw new IllegalStateException("The all-MiniLM-L6-v2 model is missing from the class path");
                }
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                options.setCPUArenaAllocator(false);
                options.setMemoryPatternOptimization(false);
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                OrtSession session = environment.createSession(model.readAllBytes(), options);
                return new Model(environment, session, BertTokenizer.load(tokenizer), session.getInputNames().contains("token_type_ids"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime could not load the embedding model", e);
            }
        }

        /** The mean of the last hidden states of the text's tokens (truncated as the tokenizer says). */
        float[] embed(String text) {
            if (text.isBlank()) {
                throw new IllegalArgumentException("Cannot embed empty or whitespace-only text");
            }
            long[] ids = tokenizer.encode(text);
            int n = ids.length;
            long[] mask = new long[n];
            Arrays.fill(mask, 1);
            long[] shape = {1, n};
            List<OnnxTensor> inputs = new ArrayList<>(3);
            try {
                inputs.add(OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
                inputs.add(OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
                Map<String, OnnxTensor> named = typeIds
                        ? Map.of("input_ids", inputs.get(0), "attention_mask", inputs.get(1),
                                "token_type_ids", add(inputs, OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[n]), shape)))
                        : Map.of("input_ids", inputs.get(0), "attention_mask", inputs.get(1));
                try (OrtSession.Result result = session.run(named)) {
                    OnnxValue hidden = result.get(0);
                    float[][] states = ((float[][][]) hidden.getValue())[0];
                    float[] mean = new float[DIMENSIONS];
                    for (float[] state : states) {
                        for (int i = 0; i < DIMENSIONS; i++) {
                            mean[i] += state[i];
                        }
                    }
                    for (int i = 0; i < DIMENSIONS; i++) {
                        mean[i] /= states.length;
                    }
                    return mean;
                }
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime could not run the embedding model", e);
            } finally {
                inputs.forEach(OnnxTensor::close);
            }
        }

        private static OnnxTensor add(List<OnnxTensor> inputs, OnnxTensor tensor) {
            inputs.add(tensor);
            return tensor;
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
