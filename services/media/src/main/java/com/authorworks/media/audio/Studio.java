package com.authorworks.media.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.authorworks.media.audio.speech.SpeechEngine;
import com.authorworks.media.internal.MediaTools;
import com.authorworks.media.internal.MediaTools.Tool;

/**
 * The audio work done with ffmpeg: every engine's output as one PCM format (16-bit mono, 44.1 kHz), chapters
 * mastered to ACX (RMS −20 dB aimed for, peaks limited below −3 dB, room tone at head and tail and between
 * paragraphs), MP3 at 192 kbps CBR, the ACX check with ffmpeg's own measurements, the M4B with FFMETADATA
 * chapters and a cover, and the retail sample.
 */
@Component
class Studio {

    static final int RATE = 44_100;
    static final double TARGET_RMS_DB = -20.0;
    /** The limiter's ceiling, −4 dBFS as a factor: a margin under ACX's −3 dB for the MP3 encoder's overshoot. */
    static final double LIMIT = 0.63;
    static final double HEAD_SECONDS = 0.75;
    static final double TAIL_SECONDS = 2.0;
    /** Room tone: quiet noise (σ 6 LSB ≈ −75 dBFS RMS) rather than digital silence, which sounds like a dropout. */
    static final double ROOM_TONE_SIGMA = 6.0;

    private static final Pattern RMS = Pattern.compile("RMS level dB: (-?[0-9.]+|-inf)");
    private static final Pattern PEAK = Pattern.compile("Peak level dB: (-?[0-9.]+|-inf)");
    private static final Pattern LUFS = Pattern.compile("I:\\s+(-?[0-9.]+) LUFS");
    private static final Pattern TRUE_PEAK = Pattern.compile("Peak:\\s+(-?[0-9.]+|-inf) dBFS");

    private final MediaTools tools;

    Studio(MediaTools tools) {
        this.tools = tools;
    }

    /** The engine's audio as 16-bit little-endian mono PCM at 44.1 kHz. */
    byte[] pcm(SpeechEngine.Speech speech) {
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-loglevel", "error"));
        if (speech.format().equals("pcm_s16le_44100")) {
            args.addAll(List.of("-f", "s16le", "-ar", "44100", "-ac", "1"));
        }
        args.addAll(List.of("-i", "pipe:0", "-f", "s16le", "-acodec", "pcm_s16le", "-ar", Integer.toString(RATE), "-ac", "1", "pipe:1"));
        return tools.runBytes(Tool.FFMPEG, args, speech.audio());
    }

    /** Pause of room tone, in PCM bytes. */
    static byte[] pause(double seconds, Random random) {
        int samples = (int) Math.round(seconds * RATE);
        ByteBuffer buffer = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            buffer.putShort((short) Math.round(random.nextGaussian() * ROOM_TONE_SIGMA));
        }
        return buffer.array();
    }

    /**
     * Masters spoken PCM into an ACX MP3 at {@code mp3}: gain to the RMS target (measured by ffmpeg's astats,
     * corrected once after the limiter), peaks limited, room tone added at the head and tail; the duration in ms.
     */
    long master(byte[] speech, Path work, Path mp3, Random random, Map<String, String> tags) {
        try {
            Path raw = work.resolve(mp3.getFileName() + ".raw");
            Files.write(raw, speech);
            double gain = TARGET_RMS_DB - measure(raw).rms();
            Path limited = work.resolve(mp3.getFileName() + ".limited.raw");
            for (int pass = 0; pass < 2; pass++) {
                tools.run(Tool.FFMPEG, List.of("-hide_banner", "-loglevel", "error", "-y", "-f", "s16le", "-ar", "44100", "-ac", "1",
                        "-i", raw.toString(), "-af", String.format(Locale.ROOT, "volume=%.2fdB,alimiter=limit=%.2f:level=false:attack=5:release=80",
                                clampGain(gain), LIMIT), "-f", "s16le", "-acodec", "pcm_s16le", limited.toString()));
                double off = TARGET_RMS_DB - measure(limited).rms();
                if (Math.abs(off) < 0.75) {
                    break;
                }
                gain += off;
            }
            byte[] mastered = Files.readAllBytes(limited);
            byte[] whole = concat(List.of(pause(HEAD_SECONDS, random), withRoomTone(mastered, random), pause(TAIL_SECONDS, random)));
            Path full = work.resolve(mp3.getFileName() + ".full.raw");
            Files.write(full, whole);
            List<String> args = new ArrayList<>(List.of("-hide_banner", "-loglevel", "error", "-y", "-f", "s16le", "-ar", "44100", "-ac", "1",
                    "-i", full.toString(), "-c:a", "libmp3lame", "-b:a", "192k", "-ar", "44100", "-ac", "1", "-write_xing", "0"));
            tags.forEach((key, value) -> args.addAll(List.of("-metadata", key + "=" + value)));
            args.add(mp3.toString());
            tools.run(Tool.FFMPEG, args);
            Files.deleteIfExists(raw);
            Files.deleteIfExists(limited);
            Files.deleteIfExists(full);
            return whole.length / 2 * 1000L / RATE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double clampGain(double gain) {
        return Math.max(-30, Math.min(40, gain));
    }

    /** Adds the room tone under the speech too, so the pauses between words are not digital silence. */
    private static byte[] withRoomTone(byte[] pcm, Random random) {
        ByteBuffer in = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        while (in.remaining() >= 2) {
            int sample = in.getShort() + (int) Math.round(random.nextGaussian() * ROOM_TONE_SIGMA);
            out.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sample)));
        }
        return out.array();
    }

    static byte[] concat(List<byte[]> parts) {
        int length = parts.stream().mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    record Levels(double rms, double peak) {
    }

    private Levels measure(Path raw) {
        String err = new String(tools.runCapturing(Tool.FFMPEG, List.of("-hide_banner", "-nostats", "-f", "s16le", "-ar", "44100", "-ac", "1",
                "-i", raw.toString(), "-af", "astats=metadata=0", "-f", "null", "-")).stderr());
        return new Levels(last(RMS, err), last(PEAK, err));
    }

    /**
     * ACX's check of one MP3, with ffmpeg's measurements: RMS and peak (astats, over the whole file), loudness
     * and true peak (ebur128), the noise floor (the quietest half second's RMS, as ACX measures it), room tone
     * at head and tail (how long the file stays under −50 dB at each end), and the format (ffprobe).
     */
    Map<String, Object> acxCheck(Path mp3) {
        String err = tools.runCapturing(Tool.FFMPEG, List.of("-hide_banner", "-nostats", "-i", mp3.toString(),
                "-af", "astats=metadata=0,ebur128=peak=true", "-f", "null", "-")).stderr();
        double rms = last(RMS, err);
        double peak = last(PEAK, err);
        double lufs = last(LUFS, err);
        double truePeak = last(TRUE_PEAK, err);
        byte[] decoded = tools.runBytes(Tool.FFMPEG, List.of("-hide_banner", "-loglevel", "error", "-i", mp3.toString(), "-f", "s16le",
                "-acodec", "pcm_s16le", "-ar", "44100", "-ac", "1", "pipe:1"), null);
        double[] windows = windowRms(decoded, RATE / 2);
        double noiseFloor = Double.POSITIVE_INFINITY;
        for (double window : windows) {
            noiseFloor = Math.min(noiseFloor, window);
        }
        double[] fine = windowRms(decoded, RATE / 20);
        double head = quiet(fine, false) * 0.05;
        double tail = quiet(fine, true) * 0.05;
        String probe = tools.run(Tool.FFPROBE, List.of("-v", "error", "-select_streams", "a:0", "-show_entries",
                "stream=codec_name,sample_rate,bit_rate,channels:format=duration", "-of", "default=noprint_wrappers=1", mp3.toString()));
        Map<String, String> format = new LinkedHashMap<>();
        for (String line : probe.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                format.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        double duration = parse(format.get("duration"));
        long bitRate = (long) parse(format.get("bit_rate"));
        long sampleRate = (long) parse(format.get("sample_rate"));
        List<Map<String, Object>> checks = new ArrayList<>();
        checks.add(check("rms", "RMS between −23 and −18 dB", round(rms), rms >= -23 && rms <= -18));
        checks.add(check("peak", "Peak at most −3 dB", round(peak), peak <= -3));
        checks.add(check("noiseFloor", "Noise floor at most −60 dB", round(noiseFloor), noiseFloor <= -60));
        checks.add(check("format", "MP3, 192 kbps constant bit rate, 44.1 kHz", format.get("codec_name") + " " + bitRate / 1000 + " kbps "
                + sampleRate + " Hz", "mp3".equals(format.get("codec_name")) && Math.abs(bitRate - 192_000) < 1_000 && sampleRate == 44_100));
        checks.add(check("roomToneHead", "0.5–1 s of room tone at the head", round(head), head >= 0.5 && head <= 1.0));
        checks.add(check("roomToneTail", "1–5 s of room tone at the tail", round(tail), tail >= 1.0 && tail <= 5.0));
        checks.add(check("length", "At most 120 minutes", round(duration / 60), duration <= 120 * 60));
        boolean pass = checks.stream().allMatch(c -> Boolean.TRUE.equals(c.get("pass")));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("pass", pass);
        result.put("rmsDb", round(rms));
        result.put("peakDb", round(peak));
        result.put("noiseFloorDb", round(noiseFloor));
        result.put("integratedLufs", round(lufs));
        result.put("truePeakDbfs", round(truePeak));
        result.put("durationSeconds", round(duration));
        result.put("checks", checks);
        result.put("measuredWith", "ffmpeg astats + ebur128; noise floor = quietest 0.5 s RMS");
        return result;
    }

    /** The quiet run at one end (in windows of 50 ms), under −50 dB. */
    private static int quiet(double[] windows, boolean fromEnd) {
        int n = 0;
        for (int i = 0; i < windows.length; i++) {
            double level = windows[fromEnd ? windows.length - 1 - i : i];
            if (level > -50) {
                break;
            }
            n++;
        }
        return n;
    }

    private static double[] windowRms(byte[] pcm, int window) {
        ByteBuffer buffer = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        int samples = pcm.length / 2;
        int count = Math.max(1, samples / window);
        double[] levels = new double[count];
        for (int w = 0; w < count; w++) {
            double sum = 0;
            int n = 0;
            for (int i = w * window; i < Math.min(samples, (w + 1) * window); i++) {
                double s = buffer.getShort(i * 2) / 32768.0;
                sum += s * s;
                n++;
            }
            double rms = n == 0 ? 0 : Math.sqrt(sum / n);
            levels[w] = rms <= 0 ? -120 : 20 * Math.log10(rms);
        }
        return levels;
    }

    private static Map<String, Object> check(String name, String rule, Object measured, boolean pass) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("name", name);
        check.put("rule", rule);
        check.put("measured", measured);
        check.put("pass", pass);
        return check;
    }

    /**
     * The M4B: every chapter's MP3 in order as AAC in MP4 (brand {@code M4B}), FFMETADATA chapters at each
     * file's start, the book's tags and the cover (JPEG) as attached picture.
     */
    void m4b(List<Path> parts, List<String> titles, List<Long> durationsMs, Map<String, String> tags, Path cover, Path work, Path out) {
        try {
            Path list = work.resolve("parts.txt");
            StringBuilder concat = new StringBuilder("ffconcat version 1.0\n");
            for (Path part : parts) {
                concat.append("file '").append(part.toAbsolutePath().toString().replace("'", "'\\''")).append("'\n");
            }
            Files.writeString(list, concat);
            StringBuilder meta = new StringBuilder(";FFMETADATA1\n");
            tags.forEach((key, value) -> meta.append(key).append('=').append(escape(value)).append('\n'));
            long start = 0;
            for (int i = 0; i < parts.size(); i++) {
                long end = start + durationsMs.get(i);
                meta.append("\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=").append(start).append("\nEND=").append(end)
                        .append("\ntitle=").append(escape(titles.get(i))).append('\n');
                start = end;
            }
            Path metadata = work.resolve("chapters.txt");
            Files.writeString(metadata, meta);
            tools.run(Tool.FFMPEG, List.of("-hide_banner", "-loglevel", "error", "-y", "-f", "concat", "-safe", "0", "-i", list.toString(),
                    "-i", metadata.toString(), "-i", cover.toString(), "-map", "0:a", "-map", "2:v", "-map_metadata", "1", "-map_chapters", "1",
                    "-c:a", "aac", "-b:a", "64k", "-ar", "44100", "-ac", "1", "-c:v", "copy", "-disposition:v:0", "attached_pic",
                    "-f", "mp4", "-brand", "M4B ", "-movflags", "+faststart", out.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chapters ffprobe reads from a file: their titles in order. */
    List<String> chapterTitles(Path file) {
        String out = tools.run(Tool.FFPROBE, List.of("-v", "error", "-show_entries", "chapter_tags=title", "-of", "csv=p=0", file.toString()));
        return out.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The cover as a 1400×1400 JPEG (iTunes wants 1400–3000 px): the book's own, else a plain one. */
    void cover(byte[] image, Path out) {
        if (image != null) {
            try {
                tools.runBytes(Tool.FFMPEG, List.of("-hide_banner", "-loglevel", "error", "-y", "-i", "pipe:0", "-vf",
                        "scale=1400:1400:force_original_aspect_ratio=decrease,pad=1400:1400:(ow-iw)/2:(oh-ih)/2",
                        "-frames:v", "1", out.toString()), image);
                return;
            } catch (MediaTools.ToolFailedException e) {
                // an image ffmpeg cannot read: the plain cover instead
            }
        }
        tools.run(Tool.FFMPEG, List.of("-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=c=0x243b55:s=1400x1400",
                "-frames:v", "1", out.toString()));
    }

    /** The retail sample: the first chapter's first minutes (up to 5), faded out over its last two seconds. */
    long sample(Path chapter, long chapterMs, Path out) {
        double seconds = Math.min(300.0, chapterMs / 1000.0);
        double fade = Math.min(2.0, seconds / 4);
        tools.run(Tool.FFMPEG, List.of("-hide_banner", "-loglevel", "error", "-y", "-i", chapter.toString(), "-t",
                String.format(Locale.ROOT, "%.3f", seconds), "-af", String.format(Locale.ROOT, "afade=t=out:st=%.3f:d=%.3f", seconds - fade, fade),
                "-c:a", "libmp3lame", "-b:a", "192k", "-ar", "44100", "-ac", "1", "-write_xing", "0", out.toString()));
        return Math.round(seconds * 1000);
    }

    private static String escape(String value) {
        return value.replaceAll("([=;#\\\\\n])", "\\\\$1");
    }

    private static double last(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        String found = null;
        while (matcher.find()) {
            found = matcher.group(1);
        }
        if (found == null) {
            return Double.NaN;
        }
        return found.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(found);
    }

    private static double parse(String value) {
        try {
            return value == null ? 0 : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Object round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value < 0 ? -120.0 : null;
        }
        return Math.round(value * 10) / 10.0;
    }
}
