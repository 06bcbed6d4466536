package com.authorworks.media.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the media service ({@code authorworks.media.*}).
 *
 * @param ffmpeg            the ffmpeg executable ({@code ffmpeg} on the PATH)
 * @param ffprobe           the ffprobe executable
 * @param espeak            the espeak-ng executable
 * @param work              where renders keep their intermediate files (a temporary folder by default)
 * @param toolTimeout       longest one ffmpeg or espeak-ng run may take
 * @param speechTimeout     longest one remote text-to-speech call may take
 * @param speechAttempts    attempts per remote text-to-speech call (429 and 5xx are retried)
 * @param maxBookCharacters the longest book (in characters of text) one render takes
 * @param poll              how often idle workers look for render jobs
 * @param lease             how long a claimed render job is held without a heartbeat
 * @param concurrent        render jobs at once in this process (ffmpeg is CPU-bound)
 * @param openaiBaseUrl     OpenAI's API ({@code https://api.openai.com})
 * @param elevenlabsBaseUrl ElevenLabs' API ({@code https://api.elevenlabs.io})
 */
@ConfigurationProperties("authorworks.media")
public record MediaProperties(String ffmpeg, String ffprobe, String espeak, Path work, Duration toolTimeout, Duration speechTimeout,
                              Integer speechAttempts, Integer maxBookCharacters, Duration poll, Duration lease, Integer concurrent,
                              URI openaiBaseUrl, URI elevenlabsBaseUrl) {

    public MediaProperties {
        ffmpeg = ffmpeg == null || ffmpeg.isBlank() ? "ffmpeg" : ffmpeg;
        ffprobe = ffprobe == null || ffprobe.isBlank() ? "ffprobe" : ffprobe;
        espeak = espeak == null || espeak.isBlank() ? "espeak-ng" : espeak;
        work = work == null ? Path.of(System.getProperty("java.io.tmpdir"), "authorworks-media") : work;
        toolTimeout = toolTimeout == null ? Duration.ofMinutes(10) : toolTimeout;
        speechTimeout = speechTimeout == null ? Duration.ofSeconds(60) : speechTimeout;
        speechAttempts = speechAttempts == null ? 3 : Math.max(1, speechAttempts);
        maxBookCharacters = maxBookCharacters == null ? 2_000_000 : maxBookCharacters;
        poll = poll == null ? Duration.ofSeconds(2) : poll;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        concurrent = concurrent == null ? 1 : Math.max(1, concurrent);
        openaiBaseUrl = openaiBaseUrl == null ? URI.create("https://api.openai.com") : openaiBaseUrl;
        elevenlabsBaseUrl = elevenlabsBaseUrl == null ? URI.create("https://api.elevenlabs.io") : elevenlabsBaseUrl;
    }
}
