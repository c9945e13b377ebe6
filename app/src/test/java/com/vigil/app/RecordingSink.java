package com.vigil.app;

import com.vigil.ui.alarms.Annunciator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what would have sounded (tests have no speakers). */
final class RecordingSink implements Annunciator.Sink {
    final List<Integer> tones = new CopyOnWriteArrayList<>();
    final List<String> spoken = new CopyOnWriteArrayList<>();

    @Override
    public void tone(int grade) {
        tones.add(grade);
    }

    @Override
    public void speak(String text, boolean chinese) {
        spoken.add(text);
    }
}
