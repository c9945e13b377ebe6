package com.vigil.alarm;

import com.vigil.model.Actor;
import com.vigil.model.AlarmState;
import com.vigil.model.Priority;
import com.vigil.model.Quality;
import com.vigil.model.Role;
import com.vigil.model.Sample;
import com.vigil.model.SampleBatchListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * ISA-18.2 / IEC 62682 / GB/T 41261 alarm engine: limit, discrete, bad-quality, rate-of-change and deviation alarms
 * evaluated from sample batches; external alarms; tiered acknowledgement with escalation; shelving, suppression by
 * design, out of service; flood, chatter and stale detection.
 *
 * <p>Deterministic: all time comes from sample timestamps and the injected {@link Clock}; the wall clock is never read.
 * Thread-safe: every public method holds the engine's lock; {@link #version()} is lock-free. Every transition and
 * every operator action (also refused ones) is appended to the {@link AlarmJournal} before the method returns.
 *
 * <p>Hot path: tag ids are resolved to int indices once per batch position (identity-cached between batches); the
 * alarms of a tag are a contiguous int range; limits, conditions and timers live in primitive arrays. A sample that
 * changes nothing allocates nothing.
 */
public final class AlarmEngine implements SampleBatchListener {
    private static final byte K_HIGH = 0;
    private static final byte K_LOW = 1;
    private static final byte K_DISCRETE = 2;
    private static final byte K_BADQ = 3;
    private static final byte K_ROC = 4;
    private static final byte K_DEV = 5;
    private static final byte K_EXT = 6;
    private static final long NONE = Slot.NONE;
    private static final Role[] TIER_ROLES = {Role.OPERATOR, Role.SHIFT_LEADER, Role.SAFETY_MANAGER};
    private static final String[] TIER_SHORT = {"OP", "SL", "SM"};

    /** Who may acknowledge (any alarm). */
    public static final Set<Role> ACK_ROLES = EnumSet.of(Role.OPERATOR, Role.SHIFT_LEADER, Role.SAFETY_MANAGER);
    /** Who may shelve an alarm of grade 2..4, unshelve any alarm, reset a latched alarm. */
    public static final Set<Role> SHELVE_ROLES = EnumSet.of(Role.OPERATOR, Role.SHIFT_LEADER, Role.SAFETY_MANAGER);
    /** Who may shelve a grade-1 alarm. */
    public static final Set<Role> SHELVE_GRADE1_ROLES = EnumSet.of(Role.SHIFT_LEADER, Role.SAFETY_MANAGER);
    /** Who may take an alarm out of service / return it, or suppress / unsuppress it by hand. */
    public static final Set<Role> SERVICE_ROLES = EnumSet.of(Role.SHIFT_LEADER, Role.SAFETY_MANAGER, Role.ENGINEER);

    private final AlarmConfig config;
    private final Clock clock;
    private final AlarmJournal journal;
    private final List<AlarmListener> listeners = new CopyOnWriteArrayList<>();
    private final long[] tierTimeout;
    private final long floodWindowMs;
    private final long chatterWindowMs;
    private final long staleMs;

    // tags
    private final Map<String, Integer> tagIndex = new HashMap<>();
    private final String[] tagNames;
    private final double[] lastValue;
    private final long[] lastTime;
    private final boolean[] hasLast;
    private final int[] tagAlarmStart;
    private final int[] tagAlarms;
    private final int[] tagSupStart;
    private final int[] tagSups;

    // alarms: hot arrays (index = slot index); grow when external alarms are registered
    private int n;
    private byte[] kind;
    private int[] tagOf;
    private int[] spTagOf;
    private double[] limit;
    private double[] deadband;
    private long[] onDelay;
    private long[] offDelay;
    private boolean[] raw;
    private boolean[] cond;
    private long[] pendingSince;
    private Slot[] slots;
    private final Map<String, Integer> alarmIndex = new HashMap<>();
    private final Map<String, int[]> alarmsOfTag = new HashMap<>();

    // per-batch tag resolution cache
    private String[] batchTags = new String[0];
    private int[] batchIdx = new int[0];

    private final Map<String, FloodTracker> floods = new LinkedHashMap<>();
    private long nextDeadline = Long.MAX_VALUE;
    private final ArrayList<JournalEntry> autoEntries = new ArrayList<>();
    private final ArrayList<Runnable> notifications = new ArrayList<>();
    private volatile long version;
    private long journalFailures;
    private String lastJournalError = "";
    private List<AlarmView> activeCache = List.of();
    private long activeCacheVersion = -1;
    private long activeCacheMillis = NONE;

    public AlarmEngine(AlarmConfig config, Clock clock, AlarmJournal journal) {
        this.config = java.util.Objects.requireNonNull(config, "config");
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        this.journal = java.util.Objects.requireNonNull(journal, "journal");
        this.tierTimeout = new long[] {config.operatorTime().toMillis(), config.shiftLeaderTime().toMillis(),
                config.safetyManagerTime().toMillis()};
        this.floodWindowMs = config.floodWindow().toMillis();
        this.chatterWindowMs = config.chatterWindow().toMillis();
        this.staleMs = config.staleAfter().toMillis();

        List<AlarmDef> defs = config.alarms();
        // tag table: every tag an alarm reads (watched tag, setpoint tag, suppression tag)
        List<String> names = new ArrayList<>();
        for (AlarmDef d : defs) {
            if (d.type().sampleDriven()) {
                internTag(d.tag(), names);
                if (d.type() == AlarmType.DEVIATION) {
                    internTag(d.setpointTag(), names);
                }
            }
            if (d.suppressTag() != null) {
                internTag(d.suppressTag(), names);
            }
        }
        int tags = names.size();
        tagNames = names.toArray(new String[0]);
        lastValue = new double[tags];
        lastTime = new long[tags];
        hasLast = new boolean[tags];

        int cap = Math.max(16, defs.size());
        kind = new byte[cap];
        tagOf = new int[cap];
        spTagOf = new int[cap];
        limit = new double[cap];
        deadband = new double[cap];
        onDelay = new long[cap];
        offDelay = new long[cap];
        raw = new boolean[cap];
        cond = new boolean[cap];
        pendingSince = new long[cap];
        slots = new Slot[cap];
        int[] supTagOf = new int[defs.size()];
        for (AlarmDef d : defs) {
            int a = addSlot(d);
            supTagOf[a] = d.suppressTag() == null ? -1 : tagIndex.get(d.suppressTag());
        }
        // CSR: alarms evaluated per tag (a deviation alarm is listed under both its tags)
        int[] count = new int[tags + 1];
        int[] supCount = new int[tags + 1];
        for (int a = 0; a < n; a++) {
            if (tagOf[a] >= 0) {
                count[tagOf[a] + 1]++;
            }
            if (spTagOf[a] >= 0 && spTagOf[a] != tagOf[a]) {
                count[spTagOf[a] + 1]++;
            }
            if (supTagOf[a] >= 0) {
                supCount[supTagOf[a] + 1]++;
            }
        }
        for (int i = 0; i < tags; i++) {
            count[i + 1] += count[i];
            supCount[i + 1] += supCount[i];
        }
        tagAlarmStart = count.clone();
        tagSupStart = supCount.clone();
        tagAlarms = new int[count[tags]];
        tagSups = new int[supCount[tags]];
        int[] fill = Arrays.copyOf(count, tags);
        int[] supFill = Arrays.copyOf(supCount, tags);
        for (int a = 0; a < n; a++) {
            if (tagOf[a] >= 0) {
                tagAlarms[fill[tagOf[a]]++] = a;
            }
            if (spTagOf[a] >= 0 && spTagOf[a] != tagOf[a]) {
                tagAlarms[fill[spTagOf[a]]++] = a;
            }
            if (supTagOf[a] >= 0) {
                tagSups[supFill[supTagOf[a]]++] = a;
            }
        }
    }

    private void internTag(String tag, List<String> names) {
        if (!tagIndex.containsKey(tag)) {
            tagIndex.put(tag, names.size());
            names.add(tag);
        }
    }

    private int addSlot(AlarmDef d) {
        if (n == slots.length) {
            int cap = n * 2;
            kind = Arrays.copyOf(kind, cap);
            tagOf = Arrays.copyOf(tagOf, cap);
            spTagOf = Arrays.copyOf(spTagOf, cap);
            limit = Arrays.copyOf(limit, cap);
            deadband = Arrays.copyOf(deadband, cap);
            onDelay = Arrays.copyOf(onDelay, cap);
            offDelay = Arrays.copyOf(offDelay, cap);
            raw = Arrays.copyOf(raw, cap);
            cond = Arrays.copyOf(cond, cap);
            pendingSince = Arrays.copyOf(pendingSince, cap);
            slots = Arrays.copyOf(slots, cap);
        }
        int a = n++;
        kind[a] = switch (d.type()) {
            case H, HH -> K_HIGH;
            case L, LL -> K_LOW;
            case DISCRETE -> K_DISCRETE;
            case BAD_QUALITY -> K_BADQ;
            case ROC -> K_ROC;
            case DEVIATION -> K_DEV;
            case COMM, EXTERNAL -> K_EXT;
        };
        tagOf[a] = d.type().sampleDriven() ? tagIndex.get(d.tag()) : -1;
        spTagOf[a] = d.type() == AlarmType.DEVIATION ? tagIndex.get(d.setpointTag()) : -1;
        limit[a] = d.setpoint();
        deadband[a] = d.deadband();
        onDelay[a] = d.onDelay().toMillis();
        offDelay[a] = d.offDelay().toMillis();
        pendingSince[a] = NONE;
        slots[a] = new Slot(a, d, config.chatterActivations());
        alarmIndex.put(d.id(), a);
        int[] prev = alarmsOfTag.get(d.tag());
        int[] next = prev == null ? new int[] {a} : Arrays.copyOf(prev, prev.length + 1);
        next[next.length - 1] = a;
        alarmsOfTag.put(d.tag(), next);
        return a;
    }

    // ------------------------------------------------------------------------------------------ listeners, queries

    public void addListener(AlarmListener l) {
        listeners.add(java.util.Objects.requireNonNull(l));
    }

    public void removeListener(AlarmListener l) {
        listeners.remove(l);
    }

    public AlarmConfig config() {
        return config;
    }

    /** Incremented on every change of any alarm; cheap to poll (no lock). */
    public long version() {
        return version;
    }

    /** Number of configured alarms (including registered external alarms). */
    public synchronized int alarmCount() {
        return n;
    }

    /** Definition of an alarm (configured or registered external). */
    public synchronized Optional<AlarmDef> definition(String alarmId) {
        Integer a = alarmIndex.get(alarmId);
        return a == null ? Optional.empty() : Optional.of(slots[a].def);
    }

    /** Ids of the alarms of a tag, in configuration order (empty if none). */
    public synchronized List<String> alarmIdsOfTag(String tag) {
        int[] as = alarmsOfTag.get(tag);
        if (as == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(as.length);
        for (int a : as) {
            out.add(slots[a].def.id());
        }
        return out;
    }

    /**
     * Alarms that need attention: every alarm not in NORMAL, plus NORMAL alarms whose tier confirmation is still due.
     * Sorted by priority (grade 1 first), then newest activation first. Immutable; cached per {@link #version()} and
     * clock second, so a UI pulse may call it freely.
     */
    public synchronized List<AlarmView> activeAlarms() {
        long now = clock.millis();
        // chattering / stale flags depend on time: the snapshot is reused within the same clock second
        if (activeCacheVersion == version && activeCacheMillis == Math.floorDiv(now, 1000)) {
            return activeCache;
        }
        List<AlarmView> out = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            Slot s = slots[a];
            if (s.state != AlarmState.NORMAL || s.hasObligations()) {
                out.add(view(s, now));
            }
        }
        out.sort(Comparator.comparingInt((AlarmView v) -> v.priority().grade())
                .thenComparing(AlarmView::activationTime, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(AlarmView::id));
        activeCache = List.copyOf(out);
        activeCacheVersion = version;
        activeCacheMillis = Math.floorDiv(now, 1000);
        return activeCache;
    }

    /** One alarm, in any state. */
    public synchronized Optional<AlarmView> alarm(String alarmId) {
        Integer a = alarmIndex.get(alarmId);
        return a == null ? Optional.empty() : Optional.of(view(slots[a], clock.millis()));
    }

    /** Health at {@code clock.instant()}. */
    public synchronized AlarmHealth health() {
        long now = clock.millis();
        int active = 0;
        int unack = 0;
        int latched = 0;
        int shelved = 0;
        int suppressed = 0;
        int oos = 0;
        int chattering = 0;
        int stale = 0;
        int confirm = 0;
        for (int a = 0; a < n; a++) {
            Slot s = slots[a];
            switch (s.state) {
                case UNACK, ACKED -> active++;
                case LATCHED -> latched++;
                case SHELVED -> shelved++;
                case SUPPRESSED -> suppressed++;
                case OUT_OF_SERVICE -> oos++;
                default -> {
                }
            }
            if (s.unacked && !s.masked()) {
                unack++;
            }
            if (s.open && !s.unacked && s.confirmationsPending()) {
                confirm++;
            }
            if (s.chattering(now, chatterWindowMs)) {
                chattering++;
            }
            if (isStale(s, now)) {
                stale++;
            }
        }
        List<FloodSummary> fl = new ArrayList<>();
        for (FloodTracker f : floods.values()) {
            if (f.inFlood) {
                fl.add(f.summary(null));
            }
        }
        return new AlarmHealth(active, unack, latched, shelved, suppressed, oos, chattering, stale, confirm, fl,
                journalFailures);
    }

    /** Last failure of the journal during an automatic transition, empty if none. */
    public synchronized String lastJournalError() {
        return lastJournalError;
    }

    /**
     * Earliest instant at which {@link #tick()} has something to do (delay, shelve expiry, re-alarm, escalation,
     * flood end), if any. May be early (a tick then does nothing); never late.
     */
    public synchronized Optional<Instant> nextDeadline() {
        return nextDeadline == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(nextDeadline));
    }

    // ------------------------------------------------------------------------------------------ evaluation

    @Override
    public synchronized void onBatch(List<Sample> batch) {
        try {
            evaluateBatch(batch);
        } finally {
            flush();
        }
    }

    private void evaluateBatch(List<Sample> batch) {
        int size = batch.size();
        if (batchTags.length < size) {
            batchTags = Arrays.copyOf(batchTags, Math.max(size, batchTags.length * 2));
            batchIdx = Arrays.copyOf(batchIdx, batchTags.length);
        }
        String[] bt = batchTags;
        int[] bi = batchIdx;
        for (int i = 0; i < size; i++) {
            Sample s = batch.get(i);
            String tag = s.tag();
            int ti;
            if (bt[i] == tag) {
                ti = bi[i];
            } else {
                Integer x = tagIndex.get(tag);
                ti = x == null ? -1 : x;
                bt[i] = tag;
                bi[i] = ti;
            }
            if (ti >= 0) {
                evaluate(ti, s.timeMillis(), s.value(), s.quality());
            }
        }
    }

    private void evaluate(int ti, long t, double v, Quality q) {
        boolean good = q == Quality.GOOD && !Double.isNaN(v);
        boolean badQ = q == Quality.BAD || q == Quality.STALE;
        for (int k = tagAlarmStart[ti], end = tagAlarmStart[ti + 1]; k < end; k++) {
            int a = tagAlarms[k];
            boolean r = raw[a];
            boolean nr;
            switch (kind[a]) {
                case K_HIGH -> {
                    if (!good) {
                        continue;
                    }
                    nr = r ? v >= limit[a] - deadband[a] : v > limit[a];
                }
                case K_LOW -> {
                    if (!good) {
                        continue;
                    }
                    nr = r ? v <= limit[a] + deadband[a] : v < limit[a];
                }
                case K_DISCRETE -> {
                    if (!good) {
                        continue;
                    }
                    nr = (v >= 0.5) == (limit[a] >= 0.5);
                }
                case K_BADQ -> nr = badQ;
                case K_ROC -> {
                    if (!good || !hasLast[ti] || t <= lastTime[ti]) {
                        continue;
                    }
                    double rate = Math.abs(v - lastValue[ti]) * 60_000.0 / (t - lastTime[ti]);
                    nr = r ? rate >= limit[a] - deadband[a] : rate > limit[a];
                }
                case K_DEV -> {
                    if (!good) {
                        continue;
                    }
                    int pv = tagOf[a];
                    int sp = spTagOf[a];
                    if ((pv != ti && !hasLast[pv]) || (sp != ti && !hasLast[sp])) {
                        continue;
                    }
                    double pvv = pv == ti ? v : lastValue[pv];
                    double spv = sp == ti ? v : lastValue[sp];
                    double d = Math.abs(pvv - spv);
                    nr = r ? d >= limit[a] - deadband[a] : d > limit[a];
                }
                default -> {
                    continue;
                }
            }
            if (nr != r) {
                raw[a] = nr;
                pendingSince[a] = t;
            }
            if (nr != cond[a]) {
                pending(a, nr, t, v);
            }
        }
        if (good) {
            for (int k = tagSupStart[ti], end = tagSupStart[ti + 1]; k < end; k++) {
                int a = tagSups[k];
                Slot s = slots[a];
                boolean sup = Math.abs(v - s.def.suppressValue()) < 1e-9;
                if (sup != s.supCond) {
                    designSuppression(s, sup, t, v);
                }
            }
            lastValue[ti] = v;
            lastTime[ti] = t;
            hasLast[ti] = true;
        } else {
            hasLast[ti] = false;
        }
    }

    private void pending(int a, boolean nr, long t, double v) {
        long due = pendingSince[a] + (nr ? onDelay[a] : offDelay[a]);
        if (t >= due) {
            setCondition(a, nr, t, v);
        } else if (due < nextDeadline) {
            nextDeadline = due;
        }
    }

    private void deadline(long t) {
        if (t < nextDeadline) {
            nextDeadline = t;
        }
    }

    /** Time-based evaluation at {@code clock.instant()}: delays, shelve expiry, re-alarm, escalation, flood end. */
    public synchronized void tick() {
        try {
            tickAt(clock.millis());
        } finally {
            flush();
        }
    }

    private void tickAt(long now) {
        long next = Long.MAX_VALUE;
        nextDeadline = Long.MAX_VALUE; // recomputed below; deadline() calls during the tick still count
        for (int a = 0; a < n; a++) {
            if (raw[a] != cond[a] && kind[a] != K_EXT) {
                long due = pendingSince[a] + (raw[a] ? onDelay[a] : offDelay[a]);
                if (now >= due) {
                    int ti = tagOf[a];
                    setCondition(a, raw[a], due, ti >= 0 && hasLast[ti] ? lastValue[ti] : Double.NaN);
                } else {
                    next = Math.min(next, due);
                }
            }
            Slot s = slots[a];
            if (s.shelved) {
                if (now >= s.shelvedUntil) {
                    autoUnshelve(s, s.shelvedUntil);
                } else {
                    next = Math.min(next, s.shelvedUntil);
                }
            }
            if (s.reAlarmAt != NONE) {
                if (!cond[a] || s.unacked || s.masked()) {
                    s.reAlarmAt = NONE;
                } else if (now >= s.reAlarmAt) {
                    reAlarm(s, s.reAlarmAt);
                } else {
                    next = Math.min(next, s.reAlarmAt);
                }
            }
            if (!s.masked() && s.hasObligations()) {
                long due = s.escStart + tierTimeout[s.escLevel];
                int guard = 0;
                while (now >= due && guard++ < 1000) {
                    escalate(s, due);
                    due = s.escStart + tierTimeout[s.escLevel];
                }
                next = Math.min(next, due);
            }
        }
        for (FloodTracker f : floods.values()) {
            expireFlood(f, now);
            if (f.inFlood) {
                next = Math.min(next, f.nextExpiry(floodWindowMs));
            }
        }
        nextDeadline = Math.min(nextDeadline, next);
    }

    // ------------------------------------------------------------------------------------------ external alarms

    /** Raises an external alarm at {@code clock.instant()}, registering it on first use. */
    public synchronized void raiseExternal(ExternalAlarm alarm, double value) {
        raiseExternal(alarm, clock.instant(), value);
    }

    /** Raises an external alarm at the given time (e.g. the OPC UA event time), registering it on first use. */
    public synchronized void raiseExternal(ExternalAlarm alarm, Instant time, double value) {
        try {
            raise(alarm, time, value);
        } finally {
            flush();
        }
    }

    private void raise(ExternalAlarm alarm, Instant time, double value) {
        Integer a = alarmIndex.get(alarm.id());
        if (a == null) {
            a = addSlot(alarm.toDef());
        } else if (kind[a] != K_EXT) {
            throw new IllegalArgumentException("alarm " + alarm.id() + " is not an external alarm");
        } else {
            redefineBetweenOccurrences(a, alarm.toDef());
        }
        raw[a] = true;
        if (!cond[a]) {
            setCondition(a, true, time.toEpochMilli(), value);
        }
    }

    /**
     * An external alarm raised again with another grade, tag or texts (an engineer changed the rule behind it) takes
     * them from this occurrence on — but only when the previous occurrence is over (normal, acknowledged, its tier
     * chain done): an occurrence keeps the grade it was raised with.
     */
    private void redefineBetweenOccurrences(int a, AlarmDef d) {
        Slot s = slots[a];
        AlarmDef old = s.def;
        if (cond[a] || s.state != com.vigil.model.AlarmState.NORMAL || s.open
                || (old.priority() == d.priority() && old.tag().equals(d.tag()) && java.util.Objects.equals(old.area(), d.area())
                    && java.util.Objects.equals(old.description(), d.description())
                    && java.util.Objects.equals(old.guidance(), d.guidance()))) {
            return;
        }
        if (!old.tag().equals(d.tag())) {
            int[] prev = alarmsOfTag.get(old.tag());
            int[] rest = Arrays.stream(prev).filter(i -> i != a).toArray();
            if (rest.length == 0) {
                alarmsOfTag.remove(old.tag());
            } else {
                alarmsOfTag.put(old.tag(), rest);
            }
            int[] at = alarmsOfTag.getOrDefault(d.tag(), new int[0]);
            int[] next = Arrays.copyOf(at, at.length + 1);
            next[at.length] = a;
            alarmsOfTag.put(d.tag(), next);
        }
        s.redefine(d);
    }

    /** Clears an external alarm at {@code clock.instant()}; false if no such external alarm. */
    public synchronized boolean clearExternal(String alarmId) {
        return clearExternal(alarmId, clock.instant());
    }

    public synchronized boolean clearExternal(String alarmId, Instant time) {
        try {
            return clear(alarmId, time);
        } finally {
            flush();
        }
    }

    private boolean clear(String alarmId, Instant time) {
        Integer a = alarmIndex.get(alarmId);
        if (a == null || kind[a] != K_EXT) {
            return false;
        }
        raw[a] = false;
        if (cond[a]) {
            setCondition(a, false, time.toEpochMilli(), Double.NaN);
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------ automatic transitions

    private void setCondition(int a, boolean c, long t, double v) {
        cond[a] = c;
        pendingSince[a] = NONE;
        Slot s = slots[a];
        if (s.masked()) {
            version++;
            return;
        }
        if (c) {
            AlarmState from = s.state;
            prepareAnnunciation(s, t, v);
            s.recordActivation(t);
            commitAuto(s, JournalEvent.ACTIVATE, from, t, v, "");
            recordFlood(s, t);
        } else {
            AlarmState from = s.state;
            s.reAlarmAt = NONE;
            commitAuto(s, JournalEvent.CLEAR, from, t, v, "");
        }
    }

    /** Starts a new annunciated occurrence (fields only). */
    private void prepareAnnunciation(Slot s, long t, double v) {
        boolean continuing = s.hasObligations();
        s.unacked = true;
        s.latched = s.def.latching();
        s.activationTime = t;
        s.valueAtActivation = v;
        s.occurrences++;
        s.reAlarmAt = NONE;
        s.clearTiers(0);
        if (!continuing) {
            s.clearTiers(1);
            s.escLevel = 0;
            s.escalations = 0;
            s.escStart = t;
        }
        s.open = true;
        deadline(s.escStart + tierTimeout[s.escLevel]);
    }

    private void recordFlood(Slot s, long t) {
        String area = s.def.area();
        String pos = config.positionOf(area);
        FloodTracker f = floods.computeIfAbsent(pos, FloodTracker::new);
        expireFlood(f, t);
        if (f.record(t, s.def.id(), s.def.tag(), area, floodWindowMs, config.floodStartAbove())) {
            FloodSummary sum = f.summary(null);
            for (AlarmListener l : listeners) {
                later(() -> l.onFloodStart(sum));
            }
        }
        if (f.inFlood) {
            deadline(f.nextExpiry(floodWindowMs));
        }
    }

    /** Ends a flood at the exact time its window count fell below the end threshold. */
    private void expireFlood(FloodTracker f, long now) {
        long ended = f.expire(now, floodWindowMs, config.floodEndBelow());
        if (ended != Long.MIN_VALUE) {
            FloodSummary sum = f.summary(ended);
            version++;
            for (AlarmListener l : listeners) {
                later(() -> l.onFloodEnd(sum));
            }
        }
    }

    private void designSuppression(Slot s, boolean sup, long t, double v) {
        AlarmState from = s.state;
        boolean wasMasked = s.masked();
        s.supCond = sup;
        boolean annunciate = applyMaskChange(s, wasMasked, t);
        String why = "by design: " + s.def.suppressTag() + "=" + fmt(v);
        commitAuto(s, sup ? JournalEvent.SUPPRESS : JournalEvent.UNSUPPRESS, from, t, v, why);
        if (annunciate) {
            recordFlood(s, t);
        }
    }

    /** After a change of the mask flags: clears or starts annunciation; returns true if a new occurrence started. */
    private boolean applyMaskChange(Slot s, boolean wasMasked, long t) {
        boolean masked = s.masked();
        if (!wasMasked && masked) {
            // the acknowledgement is no longer due; confirmations already due stay due (shelving must not be a way
            // around the shift leader / safety manager), but escalation pauses while masked
            s.unacked = false;
            s.latched = false;
            s.open = s.open && s.confirmationsPending();
            s.reAlarmAt = NONE;
        } else if (wasMasked && !masked) {
            s.escStart = t; // fresh tier time after the mask
            if (cond[s.index]) {
                int ti = tagOf[s.index];
                prepareAnnunciation(s, t, ti >= 0 && hasLast[ti] ? lastValue[ti] : Double.NaN);
                s.escStart = t;
                s.recordActivation(t);
                return true;
            }
            if (s.hasObligations()) {
                deadline(t + tierTimeout[s.escLevel]);
            }
        }
        return false;
    }

    private void autoUnshelve(Slot s, long t) {
        AlarmState from = s.state;
        boolean wasMasked = s.masked();
        s.shelved = false;
        s.shelvedUntil = NONE;
        boolean annunciate = applyMaskChange(s, wasMasked, t);
        commitAuto(s, JournalEvent.AUTO_UNSHELVE, from, t, Double.NaN, "shelve time expired (" + s.shelveReason + ")");
        if (annunciate) {
            recordFlood(s, t);
        }
    }

    private void reAlarm(Slot s, long t) {
        AlarmState from = s.state;
        s.unacked = true;
        s.clearTiers(0);
        s.open = true;
        s.escLevel = 0;
        s.escStart = t;
        s.reAlarmAt = NONE;
        commitAuto(s, JournalEvent.REALARM, from, t, Double.NaN,
                "still active " + Duration.ofMillis(s.def.reAlarm().toMillis()) + " after acknowledgement");
        deadline(t + tierTimeout[0]);
    }

    private void escalate(Slot s, long t) {
        int fromLevel = s.escLevel;
        int toLevel = Math.min(fromLevel + 1, 2);
        s.escLevel = toLevel;
        s.escalations++;
        s.escStart = t;
        String late = TIER_ROLES[fromLevel] + " did not act within " + minutes(tierTimeout[fromLevel]);
        String comment = fromLevel == toLevel ? late + ": announced again" : late + ": escalated to " + TIER_ROLES[toLevel];
        JournalEntry e = entry(s, JournalEvent.ESCALATE, s.state, s.state, Actor.SYSTEM, comment, t, Double.NaN, null);
        appendAuto(e);
        version++;
        if (!listeners.isEmpty()) {
            AlarmView v = view(s, t);
            Escalation esc = new Escalation(Instant.ofEpochMilli(t), v, TIER_ROLES[fromLevel], TIER_ROLES[toLevel]);
            for (AlarmListener l : listeners) {
                later(() -> l.onEscalation(esc));
                later(() -> l.onAlarmChange(e, v));
            }
        }
    }

    private void commitAuto(Slot s, JournalEvent ev, AlarmState from, long t, double v, String comment) {
        s.state = stateOf(s);
        JournalEntry e = entry(s, ev, from, s.state, Actor.SYSTEM, comment, t, v, null);
        appendAuto(e);
        version++;
        notifyChange(s, e, t);
    }

    /** Automatic entries are buffered and written with one {@link AlarmJournal#appendAll} per call (see flush). */
    private void appendAuto(JournalEntry e) {
        autoEntries.add(e);
    }

    private void notifyChange(Slot s, JournalEntry e, long t) {
        if (!listeners.isEmpty()) {
            AlarmView v = view(s, t);
            for (AlarmListener l : listeners) {
                later(() -> l.onAlarmChange(e, v));
            }
        }
    }

    private void later(Runnable r) {
        notifications.add(r);
    }

    /**
     * Ends every public method that changes state: writes the buffered automatic entries in one
     * {@link AlarmJournal#appendAll} (one transaction for a whole batch), then runs the listener notifications.
     * Allocates nothing when there is nothing to do.
     */
    private void flush() {
        if (autoEntries.isEmpty() && notifications.isEmpty()) {
            return;
        }
        List<JournalEntry> es = List.copyOf(autoEntries);
        autoEntries.clear();
        List<Runnable> ns = List.copyOf(notifications);
        notifications.clear();
        if (!es.isEmpty()) {
            try {
                journal.appendAll(es);
            } catch (RuntimeException ex) {
                journalFailures += es.size();
                JournalEntry e = es.get(0);
                lastJournalError = e.time() + " " + e.alarmId() + " " + e.event() + " (+" + (es.size() - 1)
                        + " more): " + ex;
            }
        }
        for (Runnable r : ns) {
            safe(r);
        }
    }

    private static void safe(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // a faulty listener must not break alarm processing
        }
    }

    private AlarmState stateOf(Slot s) {
        if (s.oos) {
            return AlarmState.OUT_OF_SERVICE;
        }
        if (s.suppressed()) {
            return AlarmState.SUPPRESSED;
        }
        if (s.shelved) {
            return AlarmState.SHELVED;
        }
        if (cond[s.index]) {
            return s.unacked ? AlarmState.UNACK : AlarmState.ACKED;
        }
        if (s.latched) {
            return AlarmState.LATCHED;
        }
        return s.unacked ? AlarmState.RTN_UNACK : AlarmState.NORMAL;
    }

    // ------------------------------------------------------------------------------------------ operator actions

    /** Operator acknowledgement (tier 1). Allowed for OPERATOR, SHIFT_LEADER, SAFETY_MANAGER. */
    public synchronized ActionResult acknowledge(String alarmId, Actor actor, String comment) {
        Slot s = slot(alarmId);
        JournalEvent ev = JournalEvent.ACK;
        if (s == null) {
            return unknown(alarmId, ev);
        }
        long t = clock.millis();
        String refusal = roleRefusal(actor, ACK_ROLES, "acknowledge alarms");
        if (refusal == null && (!s.unacked || s.masked())) {
            refusal = "nothing to acknowledge (state " + s.state + ")";
        }
        if (refusal != null) {
            return refuse(s, ev, actor, comment, refusal, t);
        }
        Slot backup = s.copy();
        s.unacked = false;
        s.tierUser[0] = actor.user();
        s.tierTime[0] = t;
        s.tierComment[0] = nz(comment);
        if (cond[s.index] && s.def.reAlarm().toMillis() > 0) {
            s.reAlarmAt = t + s.def.reAlarm().toMillis();
            deadline(s.reAlarmAt);
        }
        progressTiers(s, t);
        return commitAction(s, backup, ev, actor, comment, t);
    }

    /** Acknowledges several alarms (e.g. the visible page); one result per id, in order. */
    public synchronized List<ActionResult> acknowledgeAll(List<String> alarmIds, Actor actor, String comment) {
        List<ActionResult> out = new ArrayList<>(alarmIds.size());
        for (String id : alarmIds) {
            out.add(acknowledge(id, actor, comment));
        }
        return out;
    }

    /**
     * Tier confirmation: SHIFT_LEADER for grade 2 and 1, SAFETY_MANAGER for grade 1, after the operator
     * acknowledgement. A grade-1 confirmation needs a non-empty comment (处置意见).
     */
    public synchronized ActionResult confirm(String alarmId, Actor actor, String comment) {
        Slot s = slot(alarmId);
        JournalEvent ev = JournalEvent.CONFIRM;
        if (s == null) {
            return unknown(alarmId, ev);
        }
        long t = clock.millis();
        int tier = actor.role() == Role.SHIFT_LEADER ? 1 : actor.role() == Role.SAFETY_MANAGER ? 2 : -1;
        String refusal = null;
        if (actor.role() == Role.VIEWER) {
            refusal = "VIEWER may not act on alarms";
        } else if (tier < 0) {
            refusal = actor.role() + " may not confirm alarms (SHIFT_LEADER or SAFETY_MANAGER only)";
        } else if (tier >= s.requiredTiers) {
            refusal = s.def.priority() + " alarm needs no " + actor.role() + " confirmation";
        } else if (s.tierUser[tier] != null && !s.masked()) {
            refusal = "already confirmed by " + s.tierUser[tier];
        } else if (!s.open) {
            refusal = "nothing to confirm (state " + s.state + ")";
        } else if (s.unacked) {
            refusal = "operator acknowledgement is due first";
        } else if (s.def.priority() == Priority.GRADE_1 && (comment == null || comment.isBlank())) {
            refusal = "a grade-1 confirmation needs a comment (处置意见)";
        }
        if (refusal != null) {
            return refuse(s, ev, actor, comment, refusal, t);
        }
        Slot backup = s.copy();
        s.tierUser[tier] = actor.user();
        s.tierTime[tier] = t;
        s.tierComment[tier] = nz(comment);
        progressTiers(s, t);
        return commitAction(s, backup, ev, actor, comment, t);
    }

    private void progressTiers(Slot s, long t) {
        int next = s.nextDueTier();
        if (next < 0) {
            s.open = false;
            return;
        }
        s.escLevel = Math.max(s.escLevel, next);
        s.escStart = t;
        deadline(t + tierTimeout[s.escLevel]);
    }

    /**
     * Shelves for {@code duration} (≤ {@link AlarmConfig#maxShelve()}) with a reason; unshelved automatically when it
     * expires. Grade 1: SHIFT_LEADER or SAFETY_MANAGER; other grades: also OPERATOR.
     */
    public synchronized ActionResult shelve(String alarmId, Actor actor, Duration duration, String reason) {
        Slot s = slot(alarmId);
        JournalEvent ev = JournalEvent.SHELVE;
        if (s == null) {
            return unknown(alarmId, ev);
        }
        long t = clock.millis();
        Set<Role> roles = s.def.priority() == Priority.GRADE_1 ? SHELVE_GRADE1_ROLES : SHELVE_ROLES;
        String refusal = roleRefusal(actor, roles, "shelve " + s.def.priority() + " alarms");
        if (refusal == null) {
            if (s.oos) {
                refusal = "alarm is out of service";
            } else if (s.shelved) {
                refusal = "already shelved until " + Instant.ofEpochMilli(s.shelvedUntil);
            } else if (duration == null || duration.isNegative() || duration.isZero()) {
                refusal = "shelve duration must be positive";
            } else if (duration.compareTo(config.maxShelve()) > 0) {
                refusal = "shelve duration " + duration + " exceeds the maximum " + config.maxShelve();
            } else if (reason == null || reason.isBlank()) {
                refusal = "shelving needs a reason";
            }
        }
        String comment = reason + (duration == null ? "" : " [" + duration + "]");
        if (refusal != null) {
            return refuse(s, ev, actor, comment, refusal, t);
        }
        Slot backup = s.copy();
        boolean wasMasked = s.masked();
        s.shelved = true;
        s.shelvedUntil = t + duration.toMillis();
        s.shelvedBy = actor.user();
        s.shelveReason = reason;
        applyMaskChange(s, wasMasked, t);
        deadline(s.shelvedUntil);
        return commitAction(s, backup, ev, actor, comment, t);
    }

    /** Unshelves before expiry (OPERATOR, SHIFT_LEADER, SAFETY_MANAGER). An active condition is annunciated anew. */
    public synchronized ActionResult unshelve(String alarmId, Actor actor, String comment) {
        Slot s = slot(alarmId);
        JournalEvent ev = JournalEvent.UNSHELVE;
        if (s == null) {
            return unknown(alarmId, ev);
        }
        long t = clock.millis();
        String refusal = roleRefusal(actor, SHELVE_ROLES, "unshelve alarms");
        if (refusal == null && !s.shelved) {
            refusal = "not shelved (state " + s.state + ")";
        }
        if (refusal != null) {
            return refuse(s, ev, actor, comment, refusal, t);
        }
        Slot backup = s.copy();
        boolean wasMasked = s.masked();
        s.shelved = false;
        s.shelvedUntil = NONE;
        boolean annunciate = applyMaskChange(s, wasMasked, t);
        ActionResult r = commitAction(s, backup, ev, actor, comment, t);
        if (r.accepted() && annunciate) {
            recordFlood(s, t);
            flush();
        }
        return r;
    }

    /** Resets a LATCHED alarm after acknowledgement (OPERATOR, SHIFT_LEADER, SAFETY_MANAGER). */
    public synchronized ActionResult reset(String alarmId, Actor actor, String comment) {
        Slot s = slot(alarmId);
        JournalEvent ev = JournalEvent.RESET;
        if (s == null) {
            return unknown(alarmId, ev);
        }
        long t = clock.millis();
        String refusal = roleRefusal(actor, SHELVE_ROLES, "reset alarms");
        if (refusal == null) {
            if (s.state != AlarmState.LATCHED) {
                refusal = cond[s.index] && s.latched ? "condition still active" : "not latched (state " + s.state + ")";
            } else if (s.unacked) {
                refusal = "acknowledge before reset";
            }
        }
        if (refusal != null) {
            return refuse(s, ev, actor, comment, refusal, t);
        }
        Slot backup = s.copy();
        s.latched = false;
        return commitAction(s, backup, ev, actor, comment, t);
    }

    /** Takes an alarm out of service for maintenance (SHIFT_LEADER, SAFETY_MANAGER, ENGINEER), with a reason. */
    public synchronized ActionResult removeFromService(String alarmId, Actor actor, String reason) {
        Slot s = slot(alarmId);
        JournalEvent ev = JournalEvent.REMOVE_FROM_SERVICE;
        if (s == null) {
            return unknown(alarmId, ev);
        }
        long t = clock.millis();
        String refusal = roleRefusal(actor, SERVICE_ROLES, "take alarms out of service");
        if (refusal == null) {
            if (s.oos) {
                refusal = "already out of service";
            } else if (reason == null || reason.isBlank()) {
                refusal = "out of service needs a reason";
            }
        }
        if (refusal != null) {
            return refuse(s, ev, actor, reason, refusal, t);
        }
        Slot backup = s.copy();
        boolean wasMasked = s.masked();
        s.oos = true;
        s.oosBy = actor.user();
        s.oosReason = reason;
        applyMaskChange(s, wasMasked, t);
        return commitAction(s, backup, ev, actor, reason, t);
    }

    /** Returns an out-of-service alarm to service (SHIFT_LEADER, SAFETY_MANAGER, ENGINEER). */
    public synchronized ActionResult returnToService(String alarmId, Actor actor, String comment) {
        Slot s = slot(alarmId);
        JournalEvent ev = JournalEvent.RETURN_TO_SERVICE;
        if (s == null) {
            return unknown(alarmId, ev);
        }
        long t = clock.millis();
        String refusal = roleRefusal(actor, SERVICE_ROLES, "return alarms to service");
        if (refusal == null && !s.oos) {
            refusal = "not out of service (state " + s.state + ")";
        }
        if (refusal != null) {
            return refuse(s, ev, actor, comment, refusal, t);
        }
        Slot backup = s.copy();
        boolean wasMasked = s.masked();
        s.oos = false;
        s.oosBy = "";
        s.oosReason = "";
        boolean annunciate = applyMaskChange(s, wasMasked, t);
        ActionResult r = commitAction(s, backup, ev, actor, comment, t);
        if (r.accepted() && annunciate) {
            recordFlood(s, t);
            flush();
        }
        return r;
    }

    /**
     * Suppresses by hand (design suppression not expressible as a tag condition, e.g. a unit known to be down);
     * SHIFT_LEADER, SAFETY_MANAGER, ENGINEER, with a reason. Tag-condition suppression ({@link AlarmDef#suppressTag()})
     * is automatic.
     */
    public synchronized ActionResult suppress(String alarmId, Actor actor, String reason) {
        Slot s = slot(alarmId);
        JournalEvent ev = JournalEvent.SUPPRESS;
        if (s == null) {
            return unknown(alarmId, ev);
        }
        long t = clock.millis();
        String refusal = roleRefusal(actor, SERVICE_ROLES, "suppress alarms");
        if (refusal == null) {
            if (s.supManual) {
                refusal = "already suppressed";
            } else if (reason == null || reason.isBlank()) {
                refusal = "suppression needs a reason";
            }
        }
        if (refusal != null) {
            return refuse(s, ev, actor, reason, refusal, t);
        }
        Slot backup = s.copy();
        boolean wasMasked = s.masked();
        s.supManual = true;
        s.supBy = actor.user();
        s.supReason = reason;
        applyMaskChange(s, wasMasked, t);
        return commitAction(s, backup, ev, actor, reason, t);
    }

    /** Lifts a manual suppression (SHIFT_LEADER, SAFETY_MANAGER, ENGINEER). */
    public synchronized ActionResult unsuppress(String alarmId, Actor actor, String comment) {
        Slot s = slot(alarmId);
        JournalEvent ev = JournalEvent.UNSUPPRESS;
        if (s == null) {
            return unknown(alarmId, ev);
        }
        long t = clock.millis();
        String refusal = roleRefusal(actor, SERVICE_ROLES, "unsuppress alarms");
        if (refusal == null && !s.supManual) {
            refusal = s.supCond ? "suppressed by design condition " + s.def.suppressTag() + "; cannot be lifted by hand"
                    : "not suppressed (state " + s.state + ")";
        }
        if (refusal != null) {
            return refuse(s, ev, actor, comment, refusal, t);
        }
        Slot backup = s.copy();
        boolean wasMasked = s.masked();
        s.supManual = false;
        s.supBy = "";
        s.supReason = "";
        boolean annunciate = applyMaskChange(s, wasMasked, t);
        ActionResult r = commitAction(s, backup, ev, actor, comment, t);
        if (r.accepted() && annunciate) {
            recordFlood(s, t);
            flush();
        }
        return r;
    }

    private static String roleRefusal(Actor actor, Set<Role> allowed, String what) {
        if (actor.role() == Role.VIEWER) {
            return "VIEWER may not act on alarms";
        }
        if (!allowed.contains(actor.role())) {
            return actor.role() + " may not " + what + " (allowed: " + allowed + ")";
        }
        return null;
    }

    private Slot slot(String alarmId) {
        Integer a = alarmId == null ? null : alarmIndex.get(alarmId);
        return a == null ? null : slots[a];
    }

    private static ActionResult unknown(String alarmId, JournalEvent ev) {
        return ActionResult.refused(alarmId, ev, null, "unknown alarm " + alarmId);
    }

    private ActionResult refuse(Slot s, JournalEvent ev, Actor actor, String comment, String reason, long t) {
        JournalEntry e = entry(s, ev, s.state, s.state, actor, comment, t, Double.NaN, reason);
        try {
            journal.append(e);
        } catch (RuntimeException ex) {
            return ActionResult.refused(s.def.id(), ev, s.state, reason + "; journal write failed: " + ex.getMessage());
        }
        return ActionResult.refused(s.def.id(), ev, s.state, reason);
    }

    /** Journals the action; on journal failure restores the alarm and reports a refusal. */
    private ActionResult commitAction(Slot s, Slot backup, JournalEvent ev, Actor actor, String comment, long t) {
        AlarmState from = backup.state;
        s.state = stateOf(s);
        double v = ev == JournalEvent.UNSHELVE || ev == JournalEvent.RETURN_TO_SERVICE
                || ev == JournalEvent.UNSUPPRESS ? s.valueAtActivation : Double.NaN;
        JournalEntry e = entry(s, ev, from, s.state, actor, comment, t, v, null);
        try {
            journal.append(e);
        } catch (RuntimeException ex) {
            s.copyFrom(backup);
            return ActionResult.refused(s.def.id(), ev, s.state, "journal write failed: " + ex.getMessage());
        }
        version++;
        notifyChange(s, e, t);
        flush();
        return ActionResult.done(s.def.id(), ev, s.state);
    }

    // ------------------------------------------------------------------------------------------ views, entries

    private JournalEntry entry(Slot s, JournalEvent ev, AlarmState from, AlarmState to, Actor actor, String comment,
                               long t, double v, String refusal) {
        AlarmDef d = s.def;
        return new JournalEntry(Instant.ofEpochMilli(t), d.id(), d.tag(), d.type(), d.priority(), d.area(), ev, from,
                to, actor.user(), actor.role(), nz(comment), tierInfo(s), v, refusal);
    }

    /**
     * E.g. {@code OP=alice SL=pending SM=pending esc=SHIFT_LEADER}; {@code -} for a step no longer due (occurrence
     * closed by shelving etc.); empty if the alarm was never raised.
     */
    private String tierInfo(Slot s) {
        if (s.activationTime == NONE) {
            return "";
        }
        StringBuilder b = new StringBuilder(48);
        for (int i = 0; i < s.requiredTiers; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(TIER_SHORT[i]).append('=').append(s.tierUser[i] != null ? s.tierUser[i] : due(s, i) ? "pending" : "-");
        }
        if (s.escalations > 0) {
            b.append(" esc=").append(TIER_ROLES[s.escLevel]);
        }
        return b.toString();
    }

    /** Is tier step i due (not done, and required now)? */
    private static boolean due(Slot s, int i) {
        return s.tierUser[i] == null && (i == 0 ? s.unacked && !s.masked() : s.open);
    }

    private boolean isStale(Slot s, long now) {
        return cond[s.index] && !s.masked() && s.activationTime != NONE && now - s.activationTime >= staleMs;
    }

    private AlarmView view(Slot s, long now) {
        AlarmDef d = s.def;
        List<TierStep> steps = new ArrayList<>(s.requiredTiers);
        for (int i = 0; i < s.requiredTiers; i++) {
            steps.add(new TierStep(TIER_ROLES[i], s.tierUser[i],
                    s.tierUser[i] == null ? null : Instant.ofEpochMilli(s.tierTime[i]), s.tierComment[i],
                    s.tierUser[i] == null && due(s, i)));
        }
        Instant nextEsc = !s.masked() && s.hasObligations()
                ? Instant.ofEpochMilli(s.escStart + tierTimeout[s.escLevel]) : null;
        TierStatus tiers = new TierStatus(steps, TIER_ROLES[s.escLevel], nextEsc);
        String reason = "";
        if (s.oos) {
            reason = s.oosReason + " (" + s.oosBy + ")";
        } else if (s.supManual) {
            reason = s.supReason + " (" + s.supBy + ")";
        } else if (s.supCond) {
            reason = "by design: " + d.suppressTag();
        } else if (s.shelved) {
            reason = s.shelveReason + " (" + s.shelvedBy + ")";
        }
        return new AlarmView(d.id(), d.tag(), d.type(), d.priority(), s.state, cond[s.index], !s.unacked, tiers,
                s.valueAtActivation, d.setpoint(),
                s.activationTime == NONE ? null : Instant.ofEpochMilli(s.activationTime), d.area(), d.description(),
                d.guidance(), d.relatedDisplay(), s.shelved ? Instant.ofEpochMilli(s.shelvedUntil) : null, reason,
                d.latching(), s.chattering(now, chatterWindowMs), isStale(s, now), s.occurrences);
    }

    private static String minutes(long ms) {
        return ms % 60_000 == 0 ? ms / 60_000 + " min" : ms / 1000.0 + " s";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
