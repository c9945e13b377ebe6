package com.vigil.alarm.kpi;

import com.vigil.alarm.AlarmConfig;
import com.vigil.alarm.AlarmType;
import com.vigil.alarm.JournalEntry;
import com.vigil.alarm.JournalEvent;
import com.vigil.model.AlarmState;
import com.vigil.model.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Alarm-system KPIs after EEMUA 191 / ISA-18.2 over a period [from, to), computed from journal entries only (so the
 * same figures come out of a live database, a replay journal or a test).
 *
 * @param from                     period start
 * @param to                       period end (exclusive)
 * @param activations              alarms annunciated in the period (ACTIVATE entries, and unshelve / unsuppress /
 *                                 return-to-service entries that end in UNACK)
 * @param positions                operator positions seen (areas, or groups of areas)
 * @param avgPer10MinPerPosition   activations per 10 minutes per position, averaged (target ≤ 1)
 * @param peakPer10Min             most activations at one position in one 10-minute interval aligned on {@code from}
 * @param percentTimeInFlood       % of the period during which at least one position was in flood (target &lt; 1 %)
 * @param priorityCounts           activations per priority
 * @param priorityPercent          share of activations per priority in % (target ~5/15/80 high/medium/low)
 * @param topBadActors             the 10 alarms raised most often
 * @param chatteringAlarms         alarms that had ≥ N activations within the chatter window in the period
 * @param staleAlarms              alarms that stayed active ≥ the stale time (counted if that happens in the period)
 * @param shelveActions            accepted shelve actions in the period
 * @param refusedActions           refused operator actions in the period
 */
public record AlarmKpis(Instant from, Instant to, long activations, int positions, double avgPer10MinPerPosition,
                        int peakPer10Min, double percentTimeInFlood, Map<Priority, Long> priorityCounts,
                        Map<Priority, Double> priorityPercent, List<BadActor> topBadActors, int chatteringAlarms,
                        int staleAlarms, long shelveActions, long refusedActions) {

    private static final long TEN_MIN = Duration.ofMinutes(10).toMillis();

    /** An alarm and how often it was raised. */
    public record BadActor(String alarmId, String tag, AlarmType type, Priority priority, long activations) {
    }

    /** Flood and chatter parameters used for the computation. */
    public record Params(Duration floodWindow, int floodStartAbove, int floodEndBelow, int chatterActivations,
                         Duration chatterWindow, Duration staleAfter, Function<String, String> positionOfArea) {
        public static Params defaults() {
            return new Params(Duration.ofMinutes(10), 10, 5, 3, Duration.ofMinutes(1), Duration.ofHours(24),
                    Function.identity());
        }

        public static Params of(AlarmConfig c) {
            return new Params(c.floodWindow(), c.floodStartAbove(), c.floodEndBelow(), c.chatterActivations(),
                    c.chatterWindow(), c.staleAfter(), c::positionOf);
        }
    }

    /** KPIs with the default parameters (positions = areas). */
    public static AlarmKpis compute(List<JournalEntry> entries, Instant from, Instant to) {
        return compute(entries, from, to, Params.defaults());
    }

    public static AlarmKpis compute(List<JournalEntry> entries, Instant from, Instant to, Params p) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("period end must be after its start");
        }
        long f = from.toEpochMilli();
        long t = to.toEpochMilli();
        List<JournalEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(JournalEntry::time));

        long floodWindow = p.floodWindow().toMillis();
        long chatterWindow = p.chatterWindow().toMillis();
        long staleMs = p.staleAfter().toMillis();

        long activations = 0;
        long shelves = 0;
        long refusals = 0;
        Map<Priority, Long> byPriority = new EnumMap<>(Priority.class);
        for (Priority pr : Priority.values()) {
            byPriority.put(pr, 0L);
        }
        Map<String, BadActorAcc> actors = new LinkedHashMap<>();
        Map<String, List<Long>> floodActivations = new TreeMap<>();
        Map<String, Map<Long, Integer>> buckets = new HashMap<>();
        Map<String, ArrayDeque<Long>> chatter = new HashMap<>();
        Map<String, Boolean> chattering = new HashMap<>();
        Map<String, Long> activeSince = new HashMap<>();
        Map<String, Boolean> stale = new HashMap<>();

        for (JournalEntry e : sorted) {
            long time = e.time().toEpochMilli();
            if (time >= t) {
                break;
            }
            boolean inPeriod = time >= f;
            String pos = p.positionOfArea().apply(e.area());
            if (!e.accepted()) {
                if (inPeriod) {
                    refusals++;
                }
                continue;
            }
            if (inPeriod) {
                floodActivations.computeIfAbsent(pos, k -> new ArrayList<>());
            }
            if (annunciation(e)) {
                floodActivations.computeIfAbsent(pos, k -> new ArrayList<>()).add(time);
                if (inPeriod) {
                    activations++;
                    if (e.priority() != null) {
                        byPriority.merge(e.priority(), 1L, Long::sum);
                    }
                    actors.computeIfAbsent(e.alarmId(), k -> new BadActorAcc(e)).count++;
                    buckets.computeIfAbsent(pos, k -> new HashMap<>()).merge((time - f) / TEN_MIN, 1, Integer::sum);
                }
                ArrayDeque<Long> ring = chatter.computeIfAbsent(e.alarmId(), k -> new ArrayDeque<>());
                ring.addLast(time);
                while (ring.size() > p.chatterActivations()) {
                    ring.removeFirst();
                }
                if (inPeriod && ring.size() == p.chatterActivations() && time - ring.peekFirst() < chatterWindow) {
                    chattering.put(e.alarmId(), true);
                }
            }
            if (e.event() == JournalEvent.SHELVE && inPeriod) {
                shelves++;
            }
            boolean activeNow = e.toState() == AlarmState.UNACK || e.toState() == AlarmState.ACKED;
            Long since = activeSince.get(e.alarmId());
            if (activeNow) {
                activeSince.putIfAbsent(e.alarmId(), time);
            } else if (since != null) {
                if (time - since >= staleMs && time > f) {
                    stale.put(e.alarmId(), true);
                }
                activeSince.remove(e.alarmId());
            }
        }
        for (Map.Entry<String, Long> a : activeSince.entrySet()) {
            long becameStale = a.getValue() + staleMs;
            if (becameStale < t) {
                stale.put(a.getKey(), true);
            }
        }

        int positions = Math.max(1, floodActivations.size());
        double intervals = (double) (t - f) / TEN_MIN;
        double avg = activations / (intervals * positions);
        int peak = 0;
        for (Map<Long, Integer> b : buckets.values()) {
            for (int c : b.values()) {
                peak = Math.max(peak, c);
            }
        }
        List<long[]> floods = new ArrayList<>();
        for (List<Long> acts : floodActivations.values()) {
            floods.addAll(floodIntervals(acts, floodWindow, p.floodStartAbove(), p.floodEndBelow(), t));
        }
        double floodPct = 100.0 * unionLength(floods, f, t) / (t - f);

        Map<Priority, Double> pct = new EnumMap<>(Priority.class);
        for (Map.Entry<Priority, Long> e : byPriority.entrySet()) {
            pct.put(e.getKey(), activations == 0 ? 0.0 : 100.0 * e.getValue() / activations);
        }
        List<BadActor> top = actors.values().stream()
                .sorted(Comparator.comparingLong((BadActorAcc a) -> -a.count).thenComparing(a -> a.id))
                .limit(10)
                .map(a -> new BadActor(a.id, a.tag, a.type, a.priority, a.count))
                .toList();
        return new AlarmKpis(from, to, activations, floodActivations.isEmpty() ? 0 : positions, avg, peak, floodPct,
                byPriority, pct, top, chattering.size(), stale.size(), shelves, refusals);
    }

    /**
     * An alarm was annunciated: ACTIVATE, or leaving shelved / suppressed / out of service with the condition active
     * (the engine counts these for floods and chatter too).
     */
    static boolean annunciation(JournalEntry e) {
        return switch (e.event()) {
            case ACTIVATE -> true;
            case UNSHELVE, AUTO_UNSHELVE, UNSUPPRESS, RETURN_TO_SERVICE -> e.toState() == AlarmState.UNACK;
            default -> false;
        };
    }

    /** Flood intervals [start, end) of one position from its sorted activation times; open floods end at limit. */
    static List<long[]> floodIntervals(List<Long> acts, long window, int startAbove, int endBelow, long limit) {
        List<long[]> out = new ArrayList<>();
        ArrayDeque<Long> win = new ArrayDeque<>();
        boolean in = false;
        long start = 0;
        for (long a : acts) {
            while (!win.isEmpty() && win.peekFirst() + window <= a) {
                long exp = win.removeFirst() + window;
                if (in && win.size() < endBelow) {
                    out.add(new long[] {start, exp});
                    in = false;
                }
            }
            win.addLast(a);
            if (!in && win.size() > startAbove) {
                in = true;
                start = a;
            }
        }
        while (in && !win.isEmpty()) {
            long exp = win.removeFirst() + window;
            if (win.size() < endBelow) {
                out.add(new long[] {start, exp});
                in = false;
            }
        }
        if (in) {
            out.add(new long[] {start, limit});
        }
        return out;
    }

    private static long unionLength(List<long[]> intervals, long from, long to) {
        List<long[]> clipped = new ArrayList<>();
        for (long[] i : intervals) {
            long s = Math.max(i[0], from);
            long e = Math.min(i[1], to);
            if (e > s) {
                clipped.add(new long[] {s, e});
            }
        }
        clipped.sort(Comparator.comparingLong(i -> i[0]));
        long total = 0;
        long curS = Long.MIN_VALUE;
        long curE = Long.MIN_VALUE;
        for (long[] i : clipped) {
            if (i[0] > curE) {
                if (curE > curS) {
                    total += curE - curS;
                }
                curS = i[0];
                curE = i[1];
            } else {
                curE = Math.max(curE, i[1]);
            }
        }
        if (curE > curS) {
            total += curE - curS;
        }
        return total;
    }

    private static final class BadActorAcc {
        final String id;
        final String tag;
        final AlarmType type;
        final Priority priority;
        long count;

        BadActorAcc(JournalEntry e) {
            this.id = e.alarmId();
            this.tag = e.tag();
            this.type = e.type();
            this.priority = e.priority();
        }
    }
}
