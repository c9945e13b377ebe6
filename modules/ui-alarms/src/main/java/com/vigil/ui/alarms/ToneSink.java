package com.vigil.ui.alarms;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays the grade tones (synthesised PCM through javax.sound, no files) and speaks through
 * {@code espeak-ng} when it is installed. Without an audio device or TTS engine it degrades to silence
 * and says so once on stderr; it never blocks the FX thread.
 */
public final class ToneSink implements Annunciator.Sink {
    private static final float RATE = 16_000f;
    private final ExecutorService player = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vigil-annunciator");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean audioBroken;
    private volatile Boolean ttsAvailable;

    @Override
    public void tone(int grade) {
        if (audioBroken) {
            return;
        }
        player.execute(() -> play(pattern(grade)));
    }

    /** Tone pattern per grade: pairs of (frequency Hz, milliseconds); frequency 0 is a pause. */
    static int[] pattern(int grade) {
        return switch (grade) {
            case 1 -> new int[] {1320, 150, 0, 60, 880, 150, 0, 60, 1320, 150, 0, 60, 880, 150};
            case 2 -> new int[] {988, 180, 0, 120, 988, 180};
            case 3 -> new int[] {784, 250};
            default -> new int[] {523, 120};
        };
    }

    private void play(int[] pattern) {
        try {
            AudioFormat fmt = new AudioFormat(RATE, 16, 1, true, false);
            try (SourceDataLine line = AudioSystem.getSourceDataLine(fmt)) {
                line.open(fmt);
                line.start();
                for (int i = 0; i < pattern.length; i += 2) {
                    byte[] pcm = synth(pattern[i], pattern[i + 1]);
                    line.write(pcm, 0, pcm.length);
                }
                line.drain();
            }
        } catch (Exception | LinkageError e) {
            audioBroken = true;
            System.err.println("vigil: no audio output, alarms will not sound (" + e.getMessage() + ")");
        }
    }

    static byte[] synth(int freq, int millis) {
        int n = (int) (RATE * millis / 1000);
        byte[] out = new byte[n * 2];
        for (int i = 0; i < n; i++) {
            double env = Math.min(1, Math.min(i, n - i) / (RATE * 0.005)); // 5 ms fade in/out: no clicks
            short s = freq == 0 ? 0 : (short) (Math.sin(2 * Math.PI * freq * i / RATE) * 12_000 * env);
            out[2 * i] = (byte) s;
            out[2 * i + 1] = (byte) (s >> 8);
        }
        return out;
    }

    @Override
    public void speak(String text, boolean chinese) {
        player.execute(() -> {
            if (ttsAvailable == null) {
                ttsAvailable = onPath("espeak-ng");
                if (!ttsAvailable) {
                    System.err.println("vigil: espeak-ng not found, grade-1 alarms are not spoken");
                }
            }
            if (!ttsAvailable) {
                return;
            }
            try {
                new ProcessBuilder("espeak-ng", "-v", chinese ? "cmn" : "en", text).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } catch (Exception e) {
                ttsAvailable = false;
            }
        });
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (new java.io.File(dir, exe).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
