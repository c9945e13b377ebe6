package com.vigil.app.runtime;

import com.vigil.alarm.ActionResult;
import com.vigil.alarm.AlarmEngine;
import com.vigil.alarm.AlarmView;
import com.vigil.alarm.FloodSummary;
import com.vigil.alarm.TierStep;
import com.vigil.model.Actor;
import com.vigil.model.Area;
import com.vigil.model.Role;
import com.vigil.model.TagDef;
import com.vigil.persistence.db.Database;
import com.vigil.persistence.journal.AlarmJournalStore;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.ui.alarms.AlarmCommands;
import com.vigil.ui.alarms.AlarmHistory;
import com.vigil.ui.alarms.AlarmRow;
import com.vigil.ui.alarms.AlarmSource;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.overview.TagAlarmLookup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** Adapts the alarm engine and the journal to the alarm views, the tiles and the operator's actions. */
public final class AlarmUiAdapter implements AlarmSource, AlarmCommands, AlarmHistory, TagAlarmLookup {
    private final AlarmEngine engine;
    private final PlantDefinition plant;
    private final I18n i18n;
    private final Supplier<Actor> actor;
    private final CompletableFuture<Database> database;
    private final java.util.function.Supplier<com.vigil.accounts.AuditTrail> audit;
    private long cachedVersion = -1;
    private Map<String, TagAlarm> worstByTag = Map.of();
    private final java.util.function.Function<String, java.util.Optional<PlantDefinition.RuleDef>> rules;
    private long rowsVersion = -1;
    private List<AlarmRow> rows = List.of();

    public AlarmUiAdapter(AlarmEngine engine, PlantDefinition plant, I18n i18n, Supplier<Actor> actor,
                          CompletableFuture<Database> database) {
        this(engine, plant, i18n, actor, database, () -> null);
    }

    /** @param audit the audit trail every operator action (done or refused) is recorded in; may supply null */
    public AlarmUiAdapter(AlarmEngine engine, PlantDefinition plant, I18n i18n, Supplier<Actor> actor,
                          CompletableFuture<Database> database,
                          java.util.function.Supplier<com.vigil.accounts.AuditTrail> audit) {
        this(engine, plant, i18n, actor, database, audit, plant::rule);
    }

    /** @param rules a composite rule's definition by id (the plant file's and the console's rules) */
    public AlarmUiAdapter(AlarmEngine engine, PlantDefinition plant, I18n i18n, Supplier<Actor> actor,
                          CompletableFuture<Database> database,
                          java.util.function.Supplier<com.vigil.accounts.AuditTrail> audit,
                          java.util.function.Function<String, java.util.Optional<PlantDefinition.RuleDef>> rules) {
        this.rules = rules;
        this.audit = audit;
        this.engine = engine;
        this.plant = plant;
        this.i18n = i18n;
        this.actor = actor;
        this.database = database;
    }

    @Override
    public long version() {
        return engine.version();
    }

    @Override
    public synchronized List<AlarmRow> rows() {
        long v = engine.version();
        if (v == rowsVersion) {
            return rows;
        }
        String lang = i18n.chinese() ? "zh" : "en";
        List<AlarmView> views = engine.activeAlarms();
        List<AlarmRow> out = new ArrayList<>(views.size());
        for (AlarmView a : views) {
            out.add(row(a, lang));
        }
        rows = List.copyOf(out);
        rowsVersion = v;
        return rows;
    }

    private AlarmRow row(AlarmView v, String lang) {
        TagDef def = plant.plant().tag(v.tag()).orElse(null);
        String unit = def == null ? "" : " " + def.unit();
        String valueText = Double.isNaN(v.valueAtActivation()) ? "—"
                : fmt(v.valueAtActivation()) + (Double.isNaN(v.limit()) ? "" : " / " + fmt(v.limit())) + unit;
        List<String> done = new ArrayList<>();
        List<String> due = new ArrayList<>();
        boolean confirmDue = false;
        if (v.tiers() != null) {
            for (TierStep s : v.tiers().steps()) {
                String role = i18n.t("role." + s.role().name());
                if (s.done()) {
                    done.add(role + " " + s.user());
                } else {
                    due.add(role);
                    confirmDue |= s.role() != Role.OPERATOR;
                }
            }
        }
        String description = def != null ? plant.description(v.tag(), lang)
                : v.description() == null || v.description().isEmpty() ? v.tag() : v.description();
        Origin origin = origin(v);
        String type = typeLabel(v, origin);
        if (origin == Origin.TIME_TO_THRESHOLD) {
            // a time-to-threshold warning: "H 172 in 12 min, at 13:25"
            String[] f = v.description().split("\\|");
            long crossing = Long.parseLong(f[3]);
            long minutes = Math.max(0, Math.round((crossing - (v.activationTime() == null ? crossing
                    : v.activationTime().toEpochMilli())) / 60_000.0));
            description = description + " — " + i18n.t("warning.ttt", f[1], fmt(Double.parseDouble(f[2])), minutes,
                    java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneId.systemDefault())
                            .format(java.time.Instant.ofEpochMilli(crossing)));
            valueText = fmt(v.valueAtActivation()) + unit;
        } else if (origin == Origin.ASSET_MODEL) {
            // a multivariate asset warning: "P-401: unusual combination — BT 72 %, PT 14 %, IT 8 %"
            String[] f = v.description().split("\\|", -1);
            StringBuilder tags = new StringBuilder();
            for (String kv : f[4].split(";")) {
                int eq = kv.lastIndexOf('=');
                if (eq <= 0) continue;
                String tag = kv.substring(0, eq);
                String shortName = tag.startsWith(f[1] + ".") ? tag.substring(f[1].length() + 1) : tag;
                tags.append(tags.length() == 0 ? "" : ", ").append(shortName).append(' ').append(kv.substring(eq + 1)).append(" %");
            }
            description = i18n.t("warning.mv", f[2], tags);
            valueText = i18n.t("warning.mv.severity", f[3]);
        } else if (origin == Origin.FROZEN) {
            // a frozen value: "Reactor pressure — the same value for 6 min (normal operation: at most 1 min)"
            String[] f = v.description().split("\\|");
            description = description + " — " + i18n.t("warning.frozen", minutes(Long.parseLong(f[1])),
                    minutes(Long.parseLong(f[2])));
            valueText = fmt(v.valueAtActivation()) + unit;
        }
        String guidanceText = origin == Origin.FROZEN ? i18n.t("warning.frozen.guidance")
                : v.guidance() == null || v.guidance().isBlank() ? plant.guidance(v.tag(), lang) : v.guidance();
        if (origin == Origin.RULE) {
            // a composite rule written by an engineer: its message and guidance in the operator's language
            PlantDefinition.RuleDef rule = rules.apply(v.description().substring(CompositeRuleAlarms.PREFIX.length())).orElse(null);
            // the rule's tag when it was raised; a rule has no single limit
            valueText = Double.isNaN(v.valueAtActivation()) ? "—" : fmt(v.valueAtActivation()) + unit;
            if (rule != null) {
                description = rule.message(lang);
                String g = rule.guidance(lang);
                guidanceText = g.isBlank() ? plant.guidance(v.tag(), lang) : g;
            }
        }
        return new AlarmRow(v.id(), v.activationTime() == null ? 0 : v.activationTime().toEpochMilli(),
                v.priority().grade(), areaName(v.area()), v.tag(), description, type, valueText,
                v.state().name(), v.active(), !v.acknowledged(), String.join(", ", done), String.join(", ", due),
                confirmDue, guidanceText, v.stateReason() == null ? "" : v.stateReason(),
                v.shelvedUntil() == null ? 0 : v.shelvedUntil().toEpochMilli());
    }

    private String areaName(String areaId) {
        for (Area a : plant.plant().areas()) {
            if (a.id().equals(areaId)) {
                return a.name(i18n.locale());
            }
        }
        return areaId == null ? "" : areaId;
    }

    /** Minutes of a duration, whole from 10 min up, else to 0.1 min (a learned limit can be 30 s). */
    static String minutes(long millis) {
        double m = millis / 60_000.0;
        return m >= 10 ? String.valueOf(Math.round(m)) : String.valueOf(Math.round(m * 10) / 10.0);
    }

    /** 1 decimal from 100 up, else 2 (no Formatter: this runs for every row of a 10,000-row list). */
    static String fmt(double v) {
        double scale = Math.abs(v) >= 100 ? 10 : 100;
        return String.valueOf(Math.round(v * scale) / scale);
    }

    private long floodVersion = -1;
    private Flood flood;

    /** The ongoing flood; computed once per engine change (health() walks every alarm). */
    @Override
    public synchronized Flood flood() {
        long v = engine.version();
        if (v != floodVersion) {
            flood = computeFlood();
            floodVersion = v;
        }
        return flood;
    }

    private Flood computeFlood() {
        for (FloodSummary f : engine.health().floods()) {
            if (f.ongoing()) {
                Map<String, Integer> byArea = new LinkedHashMap<>();
                f.countsByArea().forEach((k, n) -> byArea.merge(areaName(k), n, Integer::sum));
                String lang = i18n.chinese() ? "zh" : "en";
                return new Flood(f.position(), f.start().toEpochMilli(), f.alarmCount(), f.firstOutTag(),
                        f.firstOutTag() == null ? "" : plant.description(f.firstOutTag(), lang), byArea);
            }
        }
        return null;
    }

    private Result each(List<String> ids, String comment, BiFunction<String, Actor, ActionResult> action) {
        Actor who = actor.get();
        com.vigil.accounts.AuditTrail trail;
        try {
            trail = audit.get();
        } catch (RuntimeException e) {
            // nothing was done yet: the action is refused as a whole, in the operator's language
            throw new IllegalStateException(i18n.t("alarms.audit.notOpen"), e);
        }
        int done = 0;
        List<String> refusals = new ArrayList<>();
        for (String id : ids) {
            String before = engine.alarm(id).map(v -> v.state().name()).orElse(null);
            ActionResult r = action.apply(id, who);
            if (trail != null) {
                // accepted or refused, every operator action on an alarm goes into the hash-chained audit trail
                trail.alarmAction(who, r.action() == null ? null : r.action().name(), id, r.accepted(), before,
                        r.state() == null ? null : r.state().name(), comment, r.reason());
            }
            if (r.accepted()) {
                done++;
            } else {
                refusals.add(id + ": " + r.reason());
            }
        }
        return new Result(done, refusals);
    }

    @Override
    public Result acknowledge(List<String> ids, String comment) {
        return each(ids, comment, (id, a) -> engine.acknowledge(id, a, nz(comment)));
    }

    @Override
    public Result confirm(List<String> ids, String comment) {
        return each(ids, comment, (id, a) -> engine.confirm(id, a, nz(comment)));
    }

    @Override
    public Result shelve(List<String> ids, Duration duration, String reason) {
        return each(ids, reason, (id, a) -> engine.shelve(id, a, duration, nz(reason)));
    }

    @Override
    public Result unshelve(List<String> ids, String comment) {
        return each(ids, comment, (id, a) -> engine.unshelve(id, a, nz(comment)));
    }

    @Override
    public Result reset(List<String> ids, String comment) {
        return each(ids, comment, (id, a) -> engine.reset(id, a, nz(comment)));
    }

    @Override
    public Result removeFromService(List<String> ids, String reason) {
        return each(ids, reason, (id, a) -> engine.removeFromService(id, a, nz(reason)));
    }

    @Override
    public Result returnToService(List<String> ids, String comment) {
        return each(ids, comment, (id, a) -> engine.returnToService(id, a, nz(comment)));
    }

    @Override
    public Duration maxShelve() {
        return engine.config().maxShelve();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public List<HistoryRow> query(long fromMillis, long toMillis, int limit) {
        AlarmJournalStore store = new AlarmJournalStore(database.join());
        List<HistoryRow> out = new ArrayList<>();
        var recs = store.between(fromMillis, toMillis, null);
        for (int i = recs.size() - 1; i >= 0 && out.size() < limit; i--) {
            var r = recs.get(i);
            out.add(new HistoryRow(r.timeMillis(), r.tag(), r.alarmType(), r.priority(), r.fromState(), r.toState(),
                    r.event(), r.user(), r.role(), r.refusal() == null ? r.comment() : r.comment() + " [refused: "
                    + r.refusal() + "]", r.tiers()));
        }
        return out;
    }

    /** What raised an alarm, told by its description's prefix; each early warning has its own type text. */
    private enum Origin {
        TIME_TO_THRESHOLD(EarlyWarningAlarms.PREFIX, "alarms.type.ttt"),
        ASSET_MODEL(AssetWarningAlarms.PREFIX, "alarms.type.mv"),
        FROZEN(AssetWarningAlarms.FROZEN_PREFIX, "alarms.type.frozen"),
        RULE(CompositeRuleAlarms.PREFIX, "alarms.type.rule"),
        ENGINE(null, null);

        final String prefix;
        final String typeKey;

        Origin(String prefix, String typeKey) {
            this.prefix = prefix;
            this.typeKey = typeKey;
        }
    }

    private static Origin origin(AlarmView v) {
        String d = v.description();
        for (Origin o : Origin.values()) {
            if (o.prefix != null && d != null && d.startsWith(o.prefix)) {
                return o;
            }
        }
        return Origin.ENGINE;
    }

    /**
     * The alarm's type as the operator reads it, in the list and on the tile: HH/H/L/LL as they are, the other types
     * in the operator's language (never an enum name such as EXTERNAL or BAD_QUALITY), an early warning by its kind.
     */
    private String typeLabel(AlarmView v, Origin origin) {
        return i18n.t(origin.typeKey != null ? origin.typeKey : "alarms.type." + v.type().name());
    }

    @Override
    public synchronized TagAlarm worst(String tag) {
        long v = engine.version();
        if (v != cachedVersion) {
            Map<String, TagAlarm> m = new HashMap<>();
            for (AlarmView a : engine.activeAlarms()) { // sorted by grade: the first per tag is the worst
                if (!a.active() && a.acknowledged()) {
                    continue;
                }
                m.putIfAbsent(a.tag(), new TagAlarm(a.priority().grade(), typeLabel(a, origin(a)), !a.acknowledged()));
            }
            worstByTag = m;
            cachedVersion = v;
        }
        return worstByTag.get(tag);
    }
}
