package com.authorworks.media.audio;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.authorworks.media.audio.speech.SpeechException;
import com.authorworks.media.internal.MediaProperties;
import com.authorworks.media.internal.MediaTools;
import com.authorworks.platform.jobs.JobWorker;
import com.authorworks.platform.jobs.Lease;
import com.authorworks.storage.StorageUnavailableException;

/**
 * Runs queued renders on the platform's {@link JobWorker} (one at a time per process by default: ffmpeg is
 * CPU-bound). A render that fails on something the author can fix (no key, a refused voice, a book without
 * text, a file storage refuses) fails with that message; one whose worker died is claimed again and starts over.
 */
@Component
class AudioWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AudioWorker.class);

    private final AudioProjects projects;
    private final Renderer renderer;
    private final MediaTools tools;
    private final JobWorker.Settings settings;
    private volatile JobWorker<AudioJobId, JobWorker.Run> worker;

    AudioWorker(AudioProjects projects, Renderer renderer, MediaTools tools, MediaProperties properties) {
        this.projects = projects;
        this.renderer = renderer;
        this.tools = tools;
        this.settings = new JobWorker.Settings("media-audio", properties.concurrent(), properties.poll(), properties.lease(),
                Duration.ofSeconds(10));
    }

    void wake() {
        JobWorker<AudioJobId, JobWorker.Run> current = worker;
        if (current != null) {
            current.wake();
        }
    }

    private JobWorker.Run runOf(Lease<AudioJobId> lease) {
        Optional<AudioProjects.Job> job = projects.job(lease.id());
        Optional<AudioProjects.Project> project = job.flatMap(j -> projects.find(j.projectId()));
        if (project.isEmpty()) {
            return () -> { };
        }
        return new JobWorker.Run() {
            private volatile boolean cancelled;

            @Override
            public void run() {
                try {
                    tools.require();
                    renderer.render(project.get(), lease.id(), () -> cancelled || Thread.currentThread().isInterrupted());
                    projects.finish(lease, AudioProjects.JobStatus.DONE, null);
                } catch (Renderer.CancelledException e) {
                    projects.finish(lease, AudioProjects.JobStatus.CANCELLED, "Cancelled.");
                } catch (Renderer.RenderFailedException | SpeechException | com.authorworks.platform.Problem e) {
                    projects.finish(lease, AudioProjects.JobStatus.FAILED, e.getMessage());
                } catch (StorageUnavailableException e) {
                    projects.finish(lease, AudioProjects.JobStatus.FAILED, "The file store is unavailable; render again later.");
                } catch (RuntimeException e) {
                    log.error("Audio render {} failed", lease.id(), e);
                    projects.finish(lease, AudioProjects.JobStatus.FAILED, "The render failed unexpectedly: " + e.getMessage());
                }
            }

            @Override
            public void cancelRequested() {
                cancelled = true;
            }

            @Override
            public void lost() {
                cancelled = true;
            }
        };
    }

    @Override
    public synchronized void start() {
        if (worker == null) {
            worker = new JobWorker<>(projects.queue(), settings, this::runOf);
        }
        worker.start();
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            worker.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null && worker.isRunning();
    }
}
