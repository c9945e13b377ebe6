package com.vigil.app.bench;

import com.vigil.model.Quality;
import com.vigil.model.Sample;
import com.vigil.model.TagDef;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.sim.dynamics.PlantDynamics;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The demo plant's data as the console records it: every tag once a second for {@code hours}, as the
 * OPC UA server publishes it (Float32 for analog tags, 0/1 for discrete ones). Generated lazily by the
 * same deterministic dynamics the demo server runs.
 */
public final class DemoPlantSamples implements Iterable<Sample> {
    private final PlantDefinition plant;
    private final long seed;
    private final int seconds;
    private final long start;

    public DemoPlantSamples(PlantDefinition plant, long seed, int hours, long startMillis) {
        this.plant = plant;
        this.seed = seed;
        this.seconds = hours * 3600;
        this.start = startMillis;
    }

    @Override
    public Iterator<Sample> iterator() {
        PlantDynamics dyn = new PlantDynamics(plant, seed);
        List<TagDef> tags = dyn.tags();
        return new Iterator<>() {
            int second;
            int tag;

            @Override
            public boolean hasNext() {
                return second < seconds;
            }

            @Override
            public Sample next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                TagDef t = tags.get(tag);
                Sample s = new Sample(t.id(), start + second * 1000L, dyn.published(tag),
                        dyn.isBad(tag) ? Quality.BAD : Quality.GOOD);
                if (++tag == tags.size()) {
                    tag = 0;
                    second++;
                    dyn.step(1.0);
                }
                return s;
            }
        };
    }
}
