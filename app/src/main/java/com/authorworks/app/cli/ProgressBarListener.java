package com.authorworks.app.cli;

import com.authorworks.engine.GenerationEvent;
import com.authorworks.engine.ProgressListener;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;

/** Shows a run as a progress bar over scenes: step, scenes done/total, words, tokens, cost and ETA. */
final class ProgressBarListener implements ProgressListener, AutoCloseable {

    private final ProgressBar bar;
    private volatile Duration eta;

    ProgressBarListener(PrintStream out) {
        bar = new ProgressBarBuilder().setTaskName("Writing").setInitialMax(0).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).setMaxRenderedLength(160).setConsumer(new ConsoleProgressBarConsumer(out))
                .setEtaFunction(state -> Optional.ofNullable(eta)).build();
    }

    @Override
    public synchronized void on(GenerationEvent event) {
        GenerationEvent.Progress p = event.progress();
        eta = p.eta();
        if (p.scenesTotal() > 0) {
            bar.maxHint(p.scenesTotal());
        }
        bar.stepTo(p.scenesDone());
        bar.setExtraMessage("%s | %,d words | %,d tok in %,d out | $%s".formatted(p.step(), p.words(), p.inputTokens(), p.outputTokens(),
                p.costUsd().setScale(4, RoundingMode.HALF_UP).toPlainString()));
    }

    @Override
    public void close() {
        bar.close();
    }
}
