package com.vigil.sim.dynamics;

import com.vigil.model.Limits;
import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.sim.scenario.ScenarioSpec;
import com.vigil.sim.scenario.Scenarios;
import com.vigil.sim.scenario.TruthEvent;
import com.vigil.sim.time.SimClock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Deterministic dynamics of a plant file's tags. Equipment units hold the physics that matters (storage tanks
 * whose level a PI loop holds with the outlet valve; batch reactors whose temperature a PI loop holds with
 * the cooling water valve through a charge/react/digest/discharge cycle; pumps and compressors whose flow,
 * pressure, current, vibration and bearing temperature are correlated); other tags follow first-order lags
 * towards load cycles with a day/night load, or follow another tag. Measurements add noise and quantisation;
 * gas detectors read zero with noise. Scenarios (leaks, cooling failure, bearing wear, sensor faults,
 * communication loss, relief valve open) change the physics or the measurement and write a ground-truth log.
 *
 * <p>Not thread-safe: one simulation thread calls {@link #step}. Same seed, same start, same steps → same values.
 */
public final class PlantDynamics {
    /** Longest internal integration step (simulated seconds); longer steps are split. */
    public static final double MAX_STEP = 1.0;
    /** Default simulated start: a fixed instant, so runs are reproducible unless the caller asks otherwise. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");
    /** Shortest settling before time zero (simulated seconds), for the control loops of the units. */
    static final double SETTLE_SECONDS = 1800;
    /** Longest settling (simulated seconds): a plant file with a very slow lag must not stall the start. */
    static final double MAX_SETTLE_SECONDS = 6 * 3600;

    final List<TagDef> tags;
    final PlantDefinition plant;
    private final Map<String, Integer> index = new HashMap<>();
    final TagModel[] models;
    final double[] truth;
    final double[] measured;
    private final boolean[] bad;
    private final double[] forcedTarget;
    private final double[] forcedUntil;
    private final double[] forcedState;
    // measurement layer (sensor faults)
    final double[] bias;
    final double[] biasRate;
    final double[] spike;
    final double[] scale;
    final boolean[] frozen;
    /** Gas concentration added by active leaks (truth target of gas detectors). */
    final double[] gasAdd;
    final List<Unit> units = new ArrayList<>();
    private final SplittableRandom random;
    private final SplittableRandom scenarioRandom;
    private final SimClock clock;
    private final ZoneOffset plantZone;
    private double time;
    private final List<ScenarioSpec> pending = new ArrayList<>();
    private final List<ActiveScenario> active = new ArrayList<>();
    private final List<TruthEvent> truthLog = new ArrayList<>();
    private final List<Consumer<TruthEvent>> truthListeners = new ArrayList<>();
    private int scenarioCount;
    private double commLossUntil = Double.NEGATIVE_INFINITY;

    public PlantDynamics(PlantDefinition plant, long seed) {
        this(plant, seed, DEFAULT_START);
    }

    /**
     * @param start simulated start instant (also sets the day/night load phase; plant local time is UTC+8
     *              unless the plant's simulation settings say otherwise)
     */
    public PlantDynamics(PlantDefinition plant, long seed, Instant start) {
        this(plant, seed, start, -1);
    }

    /** @param settleSeconds settling before time zero; negative: {@link #settleSeconds} of the models */
    PlantDynamics(PlantDefinition plant, long seed, Instant start, double settleSeconds) {
        this.plant = plant;
        this.tags = plant.plant().tags();
        int n = tags.size();
        this.models = new TagModel[n];
        this.truth = new double[n];
        this.measured = new double[n];
        this.bad = new boolean[n];
        this.forcedTarget = new double[n];
        this.forcedUntil = new double[n];
        this.forcedState = new double[n];
        this.bias = new double[n];
        this.biasRate = new double[n];
        this.spike = new double[n];
        this.scale = new double[n];
        this.frozen = new boolean[n];
        this.gasAdd = new double[n];
        this.random = new SplittableRandom(seed);
        this.scenarioRandom = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.plantZone = ZoneOffset.ofHours(8);
        this.clock = new SimClock(start, ZoneId.of("UTC"));
        for (int i = 0; i < n; i++) {
            index.put(tags.get(i).id(), i);
        }
        for (int i = 0; i < n; i++) {
            TagDef t = tags.get(i);
            models[i] = TagModel.of(t, plant.simulation().getOrDefault(t.id(), Map.of()), index);
            truth[i] = models[i].initial(t);
            forcedUntil[i] = Double.NEGATIVE_INFINITY;
            scale[i] = 1;
        }
        for (int i = 0; i < n; i++) {
            Unit u = Unit.create(this, i);
            if (u != null) {
                units.add(u);
            }
        }
        // settle the control loops and lags before time zero, so a run starts from steady operation whatever the
        // time of day (the load a lag settles to depends on it): six of the slowest time constants leave 0.25 % of
        // the initial offset, where a fixed 30 min left 13.5 % of it on a 15-min lag, enough for a false warning
        double settle = settleSeconds >= 0 ? settleSeconds : settleSeconds(models);
        for (double t = -Math.ceil(settle); t < 0; t += MAX_STEP) {
            integrate(t, MAX_STEP, false);
        }
        for (int i = 0; i < n; i++) {
            measured[i] = measure(i);
        }
    }

    /** Six of the slowest time constants, at least {@link #SETTLE_SECONDS}, at most {@link #MAX_SETTLE_SECONDS}. */
    static double settleSeconds(TagModel[] models) {
        double settle = SETTLE_SECONDS;
        for (TagModel m : models) {
            settle = Math.max(settle, Math.min(MAX_SETTLE_SECONDS, 6 * m.tau));
        }
        return settle;
    }

    public List<TagDef> tags() {
        return tags;
    }

    /** Simulated seconds since start. */
    public double time() {
        return time;
    }

    /** The simulated clock (start + simulated seconds). */
    public SimClock clock() {
        return clock;
    }

    /** Day/night load in [-1, 1]: +1 at 14:00 plant time, -1 at 02:00. */
    double day(double t) {
        double secOfDay = (clock.start().getEpochSecond() + plantZone.getTotalSeconds() + t) % 86400;
        return Math.sin(2 * Math.PI * (secOfDay / 3600.0 - 8) / 24);
    }

    /** Advances the plant by {@code dt} simulated seconds (split into steps of at most {@link #MAX_STEP}). */
    public void step(double dt) {
        int n = Math.max(1, (int) Math.ceil(dt / MAX_STEP - 1e-9));
        double h = dt / n;
        for (int k = 0; k < n; k++) {
            activateDue(time + h);
            integrate(time, h, true);
            time += h;
        }
        clock.set(time);
        for (int i = 0; i < measured.length; i++) {
            measured[i] = measure(i);
        }
        checkCrossings();
        endFinished();
    }

    private void integrate(double t0, double h, boolean withScenarios) {
        double t = t0 + h;
        java.util.Arrays.fill(gasAdd, 0);
        if (withScenarios) {
            for (ActiveScenario a : active) {
                a.effect.before(this, t, h);
            }
        }
        for (Unit u : units) {
            u.step(t, h);
        }
        for (int i = 0; i < truth.length; i++) {
            TagModel m = models[i];
            double target;
            switch (m.kind) {
                case LAG -> target = m.sp + m.amp * m.cycle(t) + m.load * day(t);
                case GAS -> target = m.sp + gasAdd[i];
                case FOLLOW -> target = m.offset + m.gain * truth[m.of];
                case CONST -> target = m.sp;
                case SWITCH -> target = truth[m.of] > m.above ? 1 : 0;
                default -> target = Double.NaN; // written by a unit
            }
            if (t < forcedUntil[i]) {
                double tau = m.tau > 0 ? m.tau : 10;
                forcedState[i] += Math.min(1.0, h / tau) * (forcedTarget[i] - forcedState[i]);
                truth[i] = forcedState[i];
            } else if (!Double.isNaN(target)) {
                if (m.tau <= 0) {
                    truth[i] = target;
                } else {
                    truth[i] += Math.min(1.0, h / m.tau) * (target - truth[i]);
                }
            }
            if (withScenarios && biasRate[i] != 0) {
                bias[i] += biasRate[i] * h / 3600.0;
            }
        }
        if (withScenarios) {
            for (ActiveScenario a : active) {
                a.effect.after(this, t, h);
            }
        }
    }

    private double measure(int i) {
        TagModel m = models[i];
        TagDef t = tags.get(i);
        if (frozen[i]) {
            return measured[i];
        }
        if (t.kind() == TagKind.DISCRETE) {
            return truth[i] >= 0.5 ? 1 : 0;
        }
        double v = truth[i] * scale[i] + (m.noise > 0 ? m.noise * random.nextGaussian() : 0) + bias[i] + spike[i];
        if (m.kind == TagModel.Kind.GAS) {
            v = Math.abs(v); // detectors read zero with a little positive noise
        }
        if (m.quantum > 0) {
            v = Math.round(v / m.quantum) * m.quantum;
        }
        return Math.max(t.engLow(), Math.min(t.engHigh(), v));
    }

    /** Current measured value of tag {@code index} (clamped to its engineering range). */
    public double value(int index) {
        return measured[index];
    }

    /**
     * The value of tag {@code index} as the demo server publishes it: a discrete tag as 0/1, an analog one rounded
     * to Float32 (the node's data type).
     */
    public double published(int index) {
        double v = measured[index];
        return tags.get(index).kind() == TagKind.DISCRETE ? (v >= 0.5 ? 1 : 0) : (double) (float) v;
    }

    /** The physical value behind the measurement (no noise, no sensor fault). */
    public double trueValue(int index) {
        return truth[index];
    }

    public boolean isBad(int index) {
        return bad[index];
    }

    /** True while a comm-loss scenario is active: the server must not answer. */
    public boolean commLost() {
        return time < commLossUntil;
    }

    /** Drives a tag towards {@code target} for {@code seconds} simulated seconds (disturbance injection). */
    public void force(int index, double target, double seconds) {
        if (time >= forcedUntil[index]) {
            forcedState[index] = truth[index];
        }
        forcedTarget[index] = target;
        forcedUntil[index] = time + seconds;
    }

    /** Marks a sensor as failed (the server then reports Bad status for it). */
    public void setBad(int index, boolean failed) {
        bad[index] = failed;
    }

    public int indexOf(String tagId) {
        Integer i = index.get(tagId);
        if (i == null) {
            throw new IllegalArgumentException("unknown tag " + tagId);
        }
        return i;
    }

    boolean hasTag(String tagId) {
        return index.containsKey(tagId);
    }

    int indexOrMinus(String tagId) {
        return index.getOrDefault(tagId, -1);
    }

    // ------------------------------------------------------------------ scenarios

    /** Schedules a scenario (validated now: unknown names and targets fail at once). */
    public void schedule(ScenarioSpec spec) {
        Scenarios.check(spec.name());
        ScenarioSpec s = spec;
        if (s.random()) {
            double within = s.param("random_within", 3600);
            s = s.withAt(time + 60 + scenarioRandom.nextDouble() * Math.max(1, within - 60));
        }
        Effects.validate(this, s);
        pending.add(s);
        pending.sort(Comparator.comparingDouble(ScenarioSpec::at));
    }

    /** Starts a scenario now. */
    public void inject(String name, String target, Map<String, String> params) {
        schedule(new ScenarioSpec(time, name, target, params));
    }

    private void activateDue(double t) {
        while (!pending.isEmpty() && pending.get(0).at() <= t) {
            ScenarioSpec s = pending.remove(0);
            ActiveScenario a = new ActiveScenario("S" + (++scenarioCount), s, Math.max(s.at(), time),
                    Effects.create(this, s));
            active.add(a);
            a.effect.start(this, a.started);
            emit(new TruthEvent(a.started, clock.at(a.started), a.id, s.name(), a.effect.target(), a.effect.area(),
                    "START", null, null, Double.NaN));
        }
    }

    void commLoss(double until) {
        commLossUntil = until;
    }

    private void checkCrossings() {
        for (ActiveScenario a : active) {
            for (int i : a.effect.affected()) {
                if (bad[i]) {
                    continue;
                }
                TagDef t = tags.get(i);
                Limits l = t.limits();
                double v = measured[i];
                if (t.kind() == TagKind.DISCRETE) {
                    if (l.offNormal() != null && v == l.offNormal()) {
                        a.cross(this, i, "OFFNORMAL", v);
                    }
                    continue;
                }
                if (l.h() != null && v >= l.h()) {
                    a.cross(this, i, "H", v);
                }
                if (l.hh() != null && v >= l.hh()) {
                    a.cross(this, i, "HH", v);
                }
                if (l.l() != null && v <= l.l()) {
                    a.cross(this, i, "L", v);
                }
                if (l.ll() != null && v <= l.ll()) {
                    a.cross(this, i, "LL", v);
                }
            }
        }
    }

    private void endFinished() {
        for (var it = active.iterator(); it.hasNext(); ) {
            ActiveScenario a = it.next();
            if (time >= a.started + a.duration) {
                a.effect.end(this);
                emit(new TruthEvent(time, clock.at(time), a.id, a.spec.name(), a.effect.target(), a.effect.area(),
                        "END", null, null, Double.NaN));
                it.remove();
            }
        }
    }

    void emit(TruthEvent e) {
        truthLog.add(e);
        for (Consumer<TruthEvent> l : truthListeners) {
            l.accept(e);
        }
    }

    /** Ground-truth events so far (START / CROSS / END), oldest first. */
    public List<TruthEvent> groundTruth() {
        return List.copyOf(truthLog);
    }

    /** Called with every new ground-truth event (on the simulation thread). */
    public void onTruth(Consumer<TruthEvent> listener) {
        truthListeners.add(listener);
    }

    /** Scenarios scheduled but not started yet. */
    public List<ScenarioSpec> pending() {
        return List.copyOf(pending);
    }

    /** A started scenario and its bookkeeping. */
    static final class ActiveScenario {
        final String id;
        final ScenarioSpec spec;
        final double started;
        final double duration;
        final Effects.Effect effect;
        private final java.util.Set<String> crossed = new java.util.HashSet<>();

        ActiveScenario(String id, ScenarioSpec spec, double started, Effects.Effect effect) {
            this.id = id;
            this.spec = spec;
            this.started = started;
            this.effect = effect;
            this.duration = spec.param("duration", effect.defaultDuration());
        }

        void cross(PlantDynamics d, int i, String limit, double v) {
            String tag = d.tags.get(i).id();
            if (crossed.add(tag + "/" + limit)) {
                d.emit(new TruthEvent(d.time, d.clock.at(d.time), id, spec.name(), effect.target(), effect.area(),
                        "CROSS", tag, limit, v));
            }
        }
    }
}
