package com.authorworks.editor.internal.yjs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real yjs (npm, bundled into this module at build time) running in GraalJS: Yjs's own update
 * algebra on encoded updates. The server holds a document as one merged update, never as a Y.Doc,
 * so an open document costs its encoded size in the Java heap and nothing in JavaScript.
 *
 * <p>The polyglot engine starts on first use (the first document opened), once per process; up to
 * {@code contexts} JavaScript contexts share its parsed code and run calls in parallel. A context
 * runs one call at a time: callers borrow one and give it back.
 */
public final class Yjs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Yjs.class);
    private static final String BUNDLE = "yjs-bridge.js";

    private final int maxContexts;
    private final AtomicInteger created = new AtomicInteger();
    private volatile BlockingQueue<Bridge> idle;
    private volatile Engine engine;
    private volatile Source source;

    public Yjs(int maxContexts) {
        this.maxContexts = Math.max(1, maxContexts);
    }

    /** An update that is not a yjs update (v1 encoding). */
    public static final class NotAnUpdateException extends RuntimeException {
        NotAnUpdateException(String message) {
            super(message);
        }
    }

    private record Bridge(Context context, Value check, Value merge, Value stateVector, Value diff, Value json, Value canonical, Value replace) {
    }

    /** Throws {@link NotAnUpdateException} unless the bytes decode as a yjs update. */
    public void check(byte[] update) {
        with(bridge -> {
            try {
                bridge.check().execute(ByteBuffer.wrap(update));
            } catch (PolyglotException e) {
                if (e.isHostException() || e.isInternalError() || e.isResourceExhausted()) {
                    throw e;
                }
                throw new NotAnUpdateException(e.getMessage());
            }
            return null;
        });
    }

    /** {@code Y.mergeUpdates}: one update equivalent to all of them, in any order. */
    public byte[] merge(List<byte[]> updates) {
        updates = updates.stream().filter(update -> update.length > 0).toList();
        if (updates.isEmpty()) {
            return new byte[] {0, 0};
        }
        if (updates.size() == 1) {
            return updates.getFirst();
        }
        Object[] buffers = updates.stream().map(ByteBuffer::wrap).toArray();
        return with(bridge -> bytes(bridge.merge().execute((Object) buffers)));
    }

    /** {@code Y.encodeStateVectorFromUpdate}. */
    public byte[] stateVector(byte[] update) {
        return with(bridge -> bytes(bridge.stateVector().execute(ByteBuffer.wrap(update))));
    }

    /** {@code Y.diffUpdate}: what a peer with this state vector lacks. */
    public byte[] diff(byte[] update, byte[] stateVector) {
        return with(bridge -> bytes(bridge.diff().execute(ByteBuffer.wrap(update), ByteBuffer.wrap(stateVector))));
    }

    /** The document as JSON: each shared type by name (an XmlText as its delta). */
    public String json(byte[] update) {
        return with(bridge -> bridge.json().execute(ByteBuffer.wrap(update)).asString());
    }

    /**
     * The update that replaces the document's Plate value ({@code content}) with {@code plateJson} (a JSON
     * array of Plate nodes), made by a server-side peer on top of {@code state}: only the blocks that differ
     * (unchanged ones at the start and end keep their identity, and what is typed in them meanwhile). Empty
     * when the value is already that.
     */
    public byte[] replace(byte[] state, String plateJson) {
        return with(bridge -> bytes(bridge.replace().execute(ByteBuffer.wrap(state), plateJson)));
    }

    /** The update a fresh Y.Doc holding {@code update} encodes itself as ({@code Y.encodeStateAsUpdate}). */
    public byte[] canonical(byte[] update) {
        return with(bridge -> bytes(bridge.canonical().execute(ByteBuffer.wrap(update))));
    }

    /** Whether the engine has started (it starts with the first document opened). */
    public boolean started() {
        return engine != null;
    }

    private static byte[] bytes(Value buffer) {
        byte[] out = new byte[Math.toIntExact(buffer.getBufferSize())];
        buffer.readBuffer(0, out, 0, out.length);
        return out;
    }

    private <T> T with(Function<Bridge, T> call) {
        Bridge bridge = borrow();
        try {
            return call.apply(bridge);
        } finally {
            idle.offer(bridge);
        }
    }

    private Bridge borrow() {
        start();
        Bridge bridge = idle.poll();
        if (bridge != null) {
            return bridge;
        }
        if (created.incrementAndGet() <= maxContexts) {
            return newBridge();
        }
        created.decrementAndGet();
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a yjs context", e);
        }
    }

    private void start() {
        if (engine != null) {
            return;
        }
        synchronized (this) {
            if (engine != null) {
                return;
            }
            long started = System.nanoTime();
            try (InputStream in = Yjs.class.getResourceAsStream(BUNDLE)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLE + " is missing from the classpath: the editor module was built without its npm step");
                }
                source = Source.newBuilder("js", new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLE).cached(true).build();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + BUNDLE, e);
            }
            idle = new ArrayBlockingQueue<>(maxContexts);
            // without Graal's JIT (a stock JDK) Truffle interprets: fast enough for merging updates, and it must not warn on every start
            engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
            idle.offer(newBridge());
            created.set(1);
            log.info("yjs {} started in GraalJS in {} ms", version(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private String version() {
        Bridge bridge = idle.peek();
        return bridge == null ? "?" : bridge.context().getBindings("js").getMember("yjsBridge").getMember("version").asString();
    }

    private Bridge newBridge() {
        Context context = Context.newBuilder("js")
                .engine(engine)
                .allowHostAccess(HostAccess.newBuilder().allowBufferAccess(true).allowArrayAccess(true).build())
                .allowIO(org.graalvm.polyglot.io.IOAccess.NONE)
                .allowCreateThread(false)
                .allowNativeAccess(false)
                .option("js.ecmascript-version", "2022")
                .build();
        context.eval(source);
        Value yjs = context.getBindings("js").getMember("yjsBridge");
        return new Bridge(context, yjs.getMember("check"), yjs.getMember("merge"), yjs.getMember("stateVector"),
                yjs.getMember("diff"), yjs.getMember("json"), yjs.getMember("canonical"), yjs.getMember("replace"));
    }

    @Override
    public synchronized void close() {
        if (engine == null) {
            return;
        }
        Bridge bridge;
        while ((bridge = idle.poll()) != null) {
            bridge.context().close();
        }
        engine.close();
        engine = null;
    }
}
