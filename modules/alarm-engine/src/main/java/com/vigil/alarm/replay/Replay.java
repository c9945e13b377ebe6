package com.vigil.alarm.replay;

import com.vigil.alarm.ActionResult;
import com.vigil.alarm.AlarmConfig;
import com.vigil.alarm.AlarmEngine;
import com.vigil.alarm.AlarmJournal;
import com.vigil.alarm.AlarmView;
import com.vigil.alarm.JournalEntry;
import com.vigil.alarm.ManualClock;
import com.vigil.model.Actor;
import com.vigil.model.AlarmState;
import com.vigil.model.Plant;
import com.vigil.model.Quality;
import com.vigil.model.Role;
import com.vigil.model.Sample;
import com.vigil.model.TagDef;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs the alarm engine over recorded samples and operator actions, faster than real time, and writes the journal.
 *
 * <p>Samples CSV: {@code timestamp,tag,value[,quality]} (quality GOOD, UNCERTAIN, BAD, STALE; default GOOD; value
 * {@code NaN} allowed). Actions CSV: {@code timestamp,action,tag,user,role[,comment|duration[,reason]]} with actions
 * {@code ack, confirm, shelve, unshelve, reset, oos, return} (also {@code suppress, unsuppress}); {@code tag} is an
 * alarm id ({@code TAG:TYPE}) or a tag (then every alarm of that tag the action applies to; {@code shelve} of a tag
 * shelves its annunciated alarms, or all its alarms if none is annunciated; if the action applies to none, it is
 * tried on the tag's first alarm so that the refusal is journaled); for {@code shelve} the
 * sixth field is the duration ({@code PT30M}, {@code 30m}, {@code 2h}, {@code 90s}) and the optional seventh the reason.
 * Timestamps: ISO-8601 ({@code 2026-01-01T08:00:00Z}; without zone = UTC) or epoch milliseconds, non-decreasing in each
 * file. An optional header line starting with {@code timestamp} and lines starting with {@code #} are skipped.
 *
 * <p>Journal CSV: {@code timestamp,tag,alarm,priority,from_state,to_state,user,comment}; {@code comment} carries the
 * event, the operator's comment, a refusal reason and the tier progress, e.g.
 * {@code event=CONFIRM; note=isolate feed; tiers=OP=olga SL=sam SM=pending}.
 *
 * <p>Time-based behaviour (delays, shelve expiry, escalation, re-alarm, flood end) is evaluated at its exact due time
 * between events, up to the last event in the input.
 */
public final class Replay {
    public static final String JOURNAL_HEADER = "timestamp,tag,alarm,priority,from_state,to_state,user,comment";

    private Replay() {
    }

    /**
     * Summary of a replay run.
     *
     * @param samples         samples read
     * @param actions         action lines read
     * @param journalEntries  journal lines written
     * @param refused         actions the engine refused (also in the journal)
     * @param first           first event time (null if the input was empty)
     * @param last            last event time
     */
    public record Result(long samples, long actions, long journalEntries, List<ActionResult> refused, Instant first,
                         Instant last) {
    }

    /** Replays files with the alarms of {@code plant} ({@link AlarmConfig#fromPlant}); {@code actions} may be null. */
    public static Result run(Plant plant, Path data, Path actions, Path journalOut) throws IOException {
        Set<String> tags = plant.tags().stream().map(TagDef::id).collect(Collectors.toSet());
        return run(AlarmConfig.fromPlant(plant), tags::contains, data, actions, journalOut);
    }

    /** Replays files with a given configuration; tags not in the configuration are ignored. */
    public static Result run(AlarmConfig config, Path data, Path actions, Path journalOut) throws IOException {
        return run(config, t -> true, data, actions, journalOut);
    }

    private static Result run(AlarmConfig config, Predicate<String> knownTag, Path data, Path actions,
                              Path journalOut) throws IOException {
        try (Reader d = Files.newBufferedReader(data, StandardCharsets.UTF_8);
             Reader a = actions == null ? new StringReader("") : Files.newBufferedReader(actions, StandardCharsets.UTF_8);
             Writer w = Files.newBufferedWriter(journalOut, StandardCharsets.UTF_8)) {
            return run(config, knownTag, d, data.toString(), a, actions == null ? "actions" : actions.toString(), w);
        }
    }

    /**
     * Core: replays readers into a writer. {@code knownTag} decides which sample tags are valid (others are an
     * error). Does not close the streams.
     */
    public static Result run(AlarmConfig config, Predicate<String> knownTag, Reader data, String dataName,
                             Reader actions, String actionsName, Writer journalOut) throws IOException {
        CsvReader dataCsv = new CsvReader(data, dataName);
        CsvReader actCsv = new CsvReader(actions == null ? new StringReader("") : actions, actionsName);
        CsvJournal journal = new CsvJournal(journalOut);
        journal.header();
        Run r = new Run(config, knownTag, dataCsv, actCsv, journal);
        r.go();
        journal.flush();
        return new Result(r.samples, r.actionCount, journal.lines, List.copyOf(r.refused), r.first, r.last);
    }

    // --------------------------------------------------------------------------------------------------------------

    private record DataRow(Instant time, Sample sample) {
    }

    private record ActionRow(Instant time, String action, String target, Actor actor, String text, Duration duration,
                             String reason, int line) {
    }

    private static final class Run {
        final AlarmConfig config;
        final Predicate<String> knownTag;
        final CsvReader dataCsv;
        final CsvReader actCsv;
        final CsvJournal journal;
        ManualClock clock;
        AlarmEngine engine;
        long samples;
        long actionCount;
        final List<ActionResult> refused = new ArrayList<>();
        Instant first;
        Instant last;
        DataRow pendingData;
        ActionRow pendingAction;
        Instant lastData = Instant.MIN;
        Instant lastAction = Instant.MIN;

        Run(AlarmConfig config, Predicate<String> knownTag, CsvReader dataCsv, CsvReader actCsv, CsvJournal journal) {
            this.config = config;
            this.knownTag = knownTag;
            this.dataCsv = dataCsv;
            this.actCsv = actCsv;
            this.journal = journal;
        }

        void go() throws IOException {
            pendingData = readData();
            pendingAction = readAction();
            while (pendingData != null || pendingAction != null) {
                boolean dataFirst = pendingAction == null
                        || pendingData != null && !pendingData.time().isAfter(pendingAction.time());
                Instant t = dataFirst ? pendingData.time() : pendingAction.time();
                advanceTo(t);
                if (dataFirst) {
                    List<Sample> batch = new ArrayList<>();
                    while (pendingData != null && pendingData.time().equals(t)) {
                        batch.add(pendingData.sample());
                        samples++;
                        pendingData = readData();
                    }
                    engine.onBatch(batch);
                } else {
                    act(pendingAction);
                    actionCount++;
                    pendingAction = readAction();
                }
                journal.check();
            }
        }

        /** Starts the engine at the first event; runs every deadline up to t, then sets the clock to t. */
        void advanceTo(Instant t) {
            if (engine == null) {
                first = t;
                clock = new ManualClock(t);
                engine = new AlarmEngine(config, clock, journal);
            }
            Instant before = clock.instant();
            Optional<Instant> d = engine.nextDeadline();
            while (d.isPresent() && !d.get().isAfter(t)) {
                Instant at = d.get().isBefore(before) ? before : d.get();
                clock.set(at);
                engine.tick();
                Optional<Instant> nd = engine.nextDeadline();
                if (nd.isPresent() && !nd.get().isAfter(at)) {
                    break; // nothing more can happen before time moves on
                }
                d = nd;
            }
            clock.set(t);
            last = t;
        }

        DataRow readData() throws IOException {
            List<String> f = dataCsv.next();
            if (f == null) {
                return null;
            }
            if (f.size() < 3 || f.size() > 4) {
                throw dataCsv.error(null, "expected 3 or 4 fields (timestamp,tag,value[,quality]), found " + f.size());
            }
            Instant t = dataCsv.timestamp(f.get(0), "timestamp");
            if (t.isBefore(lastData)) {
                throw dataCsv.error("timestamp", "goes backwards (" + t + " after " + lastData + ")");
            }
            lastData = t;
            String tag = f.get(1);
            if (tag.isEmpty()) {
                throw dataCsv.error("tag", "empty tag");
            }
            if (!knownTag.test(tag)) {
                throw dataCsv.error("tag", "unknown tag '" + tag + "'");
            }
            double v;
            try {
                v = Double.parseDouble(f.get(2));
            } catch (NumberFormatException e) {
                throw dataCsv.error("value", "not a number: '" + f.get(2) + "'");
            }
            Quality q = Quality.GOOD;
            if (f.size() == 4 && !f.get(3).isEmpty()) {
                try {
                    q = Quality.valueOf(f.get(3).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw dataCsv.error("quality", "must be GOOD, UNCERTAIN, BAD or STALE: '" + f.get(3) + "'");
                }
            }
            return new DataRow(t, new Sample(tag, t.toEpochMilli(), v, q));
        }

        ActionRow readAction() throws IOException {
            List<String> f = actCsv.next();
            if (f == null) {
                return null;
            }
            if (f.size() < 5 || f.size() > 7) {
                throw actCsv.error(null,
                        "expected 5 to 7 fields (timestamp,action,tag,user,role[,comment|duration[,reason]]), found "
                                + f.size());
            }
            Instant t = actCsv.timestamp(f.get(0), "timestamp");
            if (t.isBefore(lastAction)) {
                throw actCsv.error("timestamp", "goes backwards (" + t + " after " + lastAction + ")");
            }
            lastAction = t;
            String action = f.get(1).toLowerCase(Locale.ROOT);
            if (!Set.of("ack", "confirm", "shelve", "unshelve", "reset", "oos", "return", "suppress", "unsuppress")
                    .contains(action)) {
                throw actCsv.error("action",
                        "must be ack, confirm, shelve, unshelve, reset, oos, return, suppress or unsuppress: '"
                                + f.get(1) + "'");
            }
            String target = f.get(2);
            if (target.isEmpty()) {
                throw actCsv.error("tag", "empty tag");
            }
            if (f.get(3).isBlank()) {
                throw actCsv.error("user", "empty user");
            }
            Role role;
            try {
                role = Role.valueOf(f.get(4).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw actCsv.error("role", "unknown role '" + f.get(4) + "'");
            }
            Actor actor = new Actor(f.get(3), role);
            String text = f.size() > 5 ? f.get(5) : "";
            Duration duration = null;
            String reason = f.size() > 6 ? f.get(6) : "";
            if (action.equals("shelve")) {
                if (text.isEmpty()) {
                    throw actCsv.error("duration", "shelve needs a duration (PT30M, 30m, 2h, 90s)");
                }
                duration = parseDuration(text);
                if (duration == null) {
                    throw actCsv.error("duration", "not a duration (PT30M, 30m, 2h, 90s): '" + text + "'");
                }
                if (reason.isBlank()) {
                    reason = "replay";
                }
            } else if (f.size() > 6) {
                throw actCsv.error(null, "only shelve takes a seventh field (reason)");
            }
            return new ActionRow(t, action, target, actor, text, duration, reason, actCsv.line());
        }

        void act(ActionRow a) {
            List<String> ids;
            if (engine.alarm(a.target()).isPresent()) {
                ids = List.of(a.target());
            } else {
                List<String> all = engine.alarmIdsOfTag(a.target());
                if (all.isEmpty()) {
                    throw new CsvFormatException(actCsv.file, a.line(), "tag", "unknown tag or alarm '" + a.target() + "'");
                }
                ids = all.stream().filter(id -> applies(a, engine.alarm(id).orElseThrow())).toList();
                if (a.action().equals("shelve")) {
                    // shelve what is annunciated; a tag without annunciated alarms is shelved as a whole
                    List<String> annunciated = ids.stream().filter(id -> annunciated(engine.alarm(id).orElseThrow()))
                            .toList();
                    if (!annunciated.isEmpty()) {
                        ids = annunciated;
                    }
                }
                if (ids.isEmpty()) {
                    ids = List.of(all.get(0)); // nothing applies: let the engine refuse and journal why
                }
            }
            for (String id : ids) {
                ActionResult r = switch (a.action()) {
                    case "ack" -> engine.acknowledge(id, a.actor(), a.text());
                    case "confirm" -> engine.confirm(id, a.actor(), a.text());
                    case "shelve" -> engine.shelve(id, a.actor(), a.duration(), a.reason());
                    case "unshelve" -> engine.unshelve(id, a.actor(), a.text());
                    case "reset" -> engine.reset(id, a.actor(), a.text());
                    case "oos" -> engine.removeFromService(id, a.actor(), a.text());
                    case "return" -> engine.returnToService(id, a.actor(), a.text());
                    case "suppress" -> engine.suppress(id, a.actor(), a.text());
                    case "unsuppress" -> engine.unsuppress(id, a.actor(), a.text());
                    default -> throw new IllegalStateException(a.action());
                };
                if (!r.accepted()) {
                    refused.add(r);
                }
            }
        }

        private static boolean annunciated(AlarmView v) {
            return switch (v.state()) {
                case UNACK, ACKED, RTN_UNACK, LATCHED -> true;
                default -> false;
            };
        }

        private static boolean applies(ActionRow a, AlarmView v) {
            AlarmState s = v.state();
            boolean masked = s == AlarmState.SHELVED || s == AlarmState.SUPPRESSED || s == AlarmState.OUT_OF_SERVICE;
            return switch (a.action()) {
                case "ack" -> !v.acknowledged() && !masked;
                case "confirm" -> v.tiers().pending().contains(a.actor().role());
                case "shelve" -> s != AlarmState.SHELVED && s != AlarmState.OUT_OF_SERVICE;
                case "unshelve" -> s == AlarmState.SHELVED;
                case "reset" -> s == AlarmState.LATCHED;
                case "oos", "suppress" -> s != AlarmState.OUT_OF_SERVICE && s != AlarmState.SUPPRESSED;
                case "return" -> s == AlarmState.OUT_OF_SERVICE;
                case "unsuppress" -> s == AlarmState.SUPPRESSED;
                default -> false;
            };
        }
    }

    /** {@code PT30M}, {@code 30m}, {@code 30min}, {@code 2h}, {@code 90s}; null if not a duration. */
    static Duration parseDuration(String s) {
        String x = s.trim().toLowerCase(Locale.ROOT);
        if (x.startsWith("pt") || x.startsWith("p")) {
            try {
                return Duration.parse(x.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        int i = 0;
        while (i < x.length() && (Character.isDigit(x.charAt(i)))) {
            i++;
        }
        if (i == 0 || i > 9) {
            return null;
        }
        long n = Long.parseLong(x.substring(0, i));
        return switch (x.substring(i).trim()) {
            case "s", "sec" -> Duration.ofSeconds(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> null;
        };
    }

    /** Writes journal entries as CSV lines; an I/O error is kept and rethrown by {@link #check()}. */
    static final class CsvJournal implements AlarmJournal {
        private final Writer out;
        private IOException error;
        long lines;

        CsvJournal(Writer out) {
            this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out);
        }

        void header() throws IOException {
            out.write(JOURNAL_HEADER);
            out.write('\n');
        }

        @Override
        public void append(JournalEntry e) {
            if (error != null) {
                throw new UncheckedIOException(error);
            }
            try {
                out.write(line(e));
                out.write('\n');
                lines++;
            } catch (IOException ex) {
                error = ex;
                throw new UncheckedIOException(ex);
            }
        }

        void check() throws IOException {
            if (error != null) {
                throw error;
            }
        }

        void flush() throws IOException {
            check();
            out.flush();
        }
    }

    /** One line of a journal CSV as written by {@link #line(JournalEntry)}. */
    public record JournalRow(Instant timestamp, String tag, String alarm, String priority, AlarmState fromState,
                             AlarmState toState, String user, String comment) {
    }

    /** Reads a journal CSV back (header optional); errors name the file, line and field. */
    public static List<JournalRow> readJournal(Reader in, String name) throws IOException {
        CsvReader csv = new CsvReader(in, name);
        List<JournalRow> out = new ArrayList<>();
        for (List<String> f = csv.next(); f != null; f = csv.next()) {
            if (f.size() != 8) {
                throw csv.error(null, "expected 8 fields (" + JOURNAL_HEADER + "), found " + f.size());
            }
            out.add(new JournalRow(csv.timestamp(f.get(0), "timestamp"), f.get(1), f.get(2), f.get(3),
                    state(csv, f.get(4), "from_state"), state(csv, f.get(5), "to_state"), f.get(6), f.get(7)));
        }
        return out;
    }

    private static AlarmState state(CsvReader csv, String s, String field) {
        try {
            return AlarmState.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw csv.error(field, "unknown state '" + s + "'");
        }
    }

    /** One journal CSV line (no newline). */
    public static String line(JournalEntry e) {
        StringBuilder c = new StringBuilder("event=").append(e.event());
        if (!e.comment().isEmpty()) {
            c.append("; note=").append(e.comment());
        }
        if (!e.accepted()) {
            c.append("; refused=").append(e.refusal());
        }
        if (!e.tiers().isEmpty()) {
            c.append("; tiers=").append(e.tiers());
        }
        return String.join(",", e.time().toString(), CsvReader.quote(e.tag()), e.type().name(),
                e.priority().name(), e.fromState().name(), e.toState().name(), CsvReader.quote(e.user()),
                CsvReader.quote(c.toString()));
    }
}
