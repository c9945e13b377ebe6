package com.vigil.app.runtime;

import com.vigil.alarm.AlarmEngine;
import com.vigil.persistence.rules.ConsoleRuleRow;
import com.vigil.persistence.rules.ConsoleRuleStore;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.warning.online.OnlineCompositeRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every composite rule the console runs: the plant file's rules (fixed while the console runs) and the rules written
 * in the console (the database, shared by every console on it). When a console saves a rule, the table revision
 * moves; each console notices it ({@link #poll}) and replaces its running set, keeping the state of unchanged rules.
 * A console rule that cannot run here (e.g. the plant file no longer has its tag) is left out and its problem shown.
 */
public final class RuleBook {
    private static final Logger LOG = LoggerFactory.getLogger(RuleBook.class);
    /** What a console rule's definition names as its file. */
    public static final String CONSOLE_SOURCE = "console";

    private final PlantDefinition plant;
    private final List<OnlineCompositeRules.Definition> plantRules;
    private final CompositeRuleAlarms alarms;
    private final OnlineCompositeRules rules;
    private volatile ConsoleRuleStore store;
    private volatile Map<String, ConsoleRuleRow> console = Map.of();
    private volatile Map<String, CompositeRuleAlarms.RuleProblem> problems = Map.of();
    private volatile long revision = -1;

    /** @param plantRules the plant file's rules, checked ({@link CompositeRuleAlarms#compile}) */
    public RuleBook(AlarmEngine engine, PlantDefinition plant, List<OnlineCompositeRules.Definition> plantRules) {
        this.plant = plant;
        this.plantRules = List.copyOf(plantRules);
        this.alarms = new CompositeRuleAlarms(engine, plant, this::def);
        alarms.running(plantRules);
        this.rules = new OnlineCompositeRules(plantRules, alarms);
    }

    public PlantDefinition plant() {
        return plant;
    }

    /** The running rules (a sample consumer). */
    public OnlineCompositeRules rules() {
        return rules;
    }

    /** A rule's definition by id: the plant file's, else the console's (switched off ones too, for old alarms). */
    public Optional<PlantDefinition.RuleDef> def(String id) {
        Optional<PlantDefinition.RuleDef> p = plant.rule(id);
        if (p.isPresent()) {
            return p;
        }
        ConsoleRuleRow r = console.get(id);
        return r == null ? Optional.empty() : Optional.of(toDef(r));
    }

    /** Whether the id is a rule of the plant file (those are edited there, not in the console). */
    public boolean inPlantFile(String id) {
        return plant.rule(id).isPresent();
    }

    /** The console's rules, switched off ones too, by id. */
    public List<ConsoleRuleRow> consoleRules() {
        return List.copyOf(console.values());
    }

    public Optional<ConsoleRuleRow> consoleRule(String id) {
        return Optional.ofNullable(console.get(id));
    }

    /**
     * Console rules that are switched on but cannot run with this plant file, with the reason ({@link #runnable}).
     */
    public Map<String, CompositeRuleAlarms.RuleProblem> problems() {
        return problems;
    }

    /** The store, once the database is open (null before). */
    public ConsoleRuleStore store() {
        return store;
    }

    /** The database is open: loads its rules. */
    public void attach(ConsoleRuleStore store) {
        this.store = store;
        reload();
    }

    /** Loads again when another console (or this one) saved a rule since the last load. Cheap: one small query. */
    public void poll() {
        ConsoleRuleStore s = store;
        if (s != null && s.revision() != revision) {
            reload();
        }
    }

    /** Reads the console's rules and replaces the running set (the plant file's rules first). */
    public synchronized void reload() {
        ConsoleRuleStore s = store;
        if (s == null) {
            return;
        }
        long rev = s.revision();
        List<ConsoleRuleRow> rows = s.all();
        Map<String, ConsoleRuleRow> byId = new LinkedHashMap<>();
        Map<String, CompositeRuleAlarms.RuleProblem> bad = new HashMap<>();
        java.util.Set<String> changed = new java.util.HashSet<>();
        List<OnlineCompositeRules.Definition> running = new ArrayList<>(plantRules);
        for (ConsoleRuleRow r : rows) {
            byId.put(r.id(), r);
            ConsoleRuleRow before = console.get(r.id());
            if (before != null && before.revision() != r.revision()) {
                changed.add(r.id()); // grade or texts may have changed: its alarm is raised afresh
            }
            if (!r.enabled()) {
                continue;
            }
            try {
                running.add(runnable(plant, r));
            } catch (CompositeRuleAlarms.RuleProblem e) {
                bad.put(r.id(), e);
                LOG.warn("console rule {} cannot run with this plant: {}", r.id(), e.getMessage());
            }
        }
        console = byId; // first: a rule raised right after the replace must find its texts
        problems = bad;
        synchronized (rules) { // no batch between the alarm tags and the rule set
            alarms.running(running);
            rules.replace(running, changed);
        }
        revision = rev;
    }

    /**
     * How a console rule runs with this plant file, or why it cannot: the id is a plant-file rule's (that one runs),
     * or the rule does not check against the plant ({@link CompositeRuleAlarms#check}).
     */
    public static OnlineCompositeRules.Definition runnable(PlantDefinition plant, ConsoleRuleRow r)
            throws CompositeRuleAlarms.RuleProblem {
        return runnable(plant, toDef(r));
    }

    /** As {@link #runnable(PlantDefinition, ConsoleRuleRow)}, for a console rule already turned into a definition. */
    public static OnlineCompositeRules.Definition runnable(PlantDefinition plant, PlantDefinition.RuleDef def)
            throws CompositeRuleAlarms.RuleProblem {
        if (plant.rule(def.id()).isPresent()) {
            throw new CompositeRuleAlarms.RuleProblem(CompositeRuleAlarms.RuleProblem.Kind.ID_IN_PLANT_FILE, 0, 0, null,
                    null, null, "the plant file has a rule with this id", null);
        }
        return CompositeRuleAlarms.check(plant, def);
    }

    /** A console rule as a rule definition (texts per language; blank ones left out). */
    public static PlantDefinition.RuleDef toDef(ConsoleRuleRow r) {
        return new PlantDefinition.RuleDef(r.id(), r.when(), r.grade(), blankToNull(r.tag()),
                texts(r.messageZh(), r.messageEn()), texts(r.guidanceZh(), r.guidanceEn()), CONSOLE_SOURCE, 0, 0,
                "console rule " + r.id());
    }

    private static Map<String, String> texts(String zh, String en) {
        Map<String, String> m = new HashMap<>();
        if (zh != null && !zh.isBlank()) {
            m.put("zh", zh.strip());
        }
        if (en != null && !en.isBlank()) {
            m.put("en", en.strip());
        }
        return m;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
