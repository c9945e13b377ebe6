package com.vigil.ingest;

import com.vigil.model.Sample;
import java.util.ArrayList;
import java.util.List;

/** A fixed-size ring of the most recent samples of one tag. One writer; readers take copies. */
final class RecentHistory {
    private final Sample[] ring;
    private int next;
    private int size;

    RecentHistory(int capacity) {
        ring = new Sample[capacity];
    }

    synchronized void add(Sample s) {
        ring[next] = s;
        next = (next + 1) % ring.length;
        if (size < ring.length) {
            size++;
        }
    }

    synchronized List<Sample> snapshot() {
        List<Sample> out = new ArrayList<>(size);
        int start = (next - size + ring.length) % ring.length;
        for (int i = 0; i < size; i++) {
            out.add(ring[(start + i) % ring.length]);
        }
        return out;
    }
}
