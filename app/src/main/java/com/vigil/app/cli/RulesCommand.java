package com.vigil.app.cli;

import com.vigil.app.runtime.CompositeRuleAlarms;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.plantconfig.PlantFileException;
import com.vigil.plantconfig.PlantFiles;
import com.vigil.warning.online.OnlineCompositeRules;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil rules}: checks the composite rules of a plant file as the console would load them, and lists them.
 * Exit 0 when every rule parses and reads only known tags; 2 with the first mistake (file, line, field, and the
 * line and column inside the condition). {@code vigil detect --format demo --plant FILE} then runs them over
 * simulated scenarios.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"Check and list the composite rules of a plant file (as the console loads them).",
                "Also lists the rules written in the console (database) and whether they run with this plant file.",
                "Run them over simulated scenarios with: vigil detect --format demo --plant FILE"})
public final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--plant", paramLabel = "FILE", description = "Plant file (default: the built-in demo plant).")
    Path plantFile;

    @picocli.CommandLine.Mixin
    DbOption db = new DbOption();

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            PlantDefinition plant = PlantFiles.loadOrDemo(plantFile);
            List<OnlineCompositeRules.Definition> rules = CompositeRuleAlarms.compile(plant);
            o.println(rules.size() + " composite rules OK in " + (plantFile == null ? "the demo plant" : plantFile));
            for (OnlineCompositeRules.Definition d : rules) {
                PlantDefinition.RuleDef def = plant.rule(d.id()).orElseThrow();
                o.printf("  %-32s grade %d  for %3d s  clear after %3d s  reads %s%n", d.id(), def.grade(),
                        d.rule().forMillis() / 1000, d.clearMillis() / 1000, String.join(", ", d.rule().tags()));
            }
            return consoleRules(plant, o, err);
        } catch (PlantFileException e) {
            err.println("vigil rules: " + e.getMessage());
            return 2;
        }
    }

    /**
     * The rules written in the console (the database, when there is one): each with whether it runs with this plant
     * file. Exit 2 when a rule that is switched on cannot run here.
     */
    private int consoleRules(PlantDefinition plant, PrintWriter o, PrintWriter err) {
        Path file = db.file();
        if (!java.nio.file.Files.isRegularFile(file)) {
            o.println("no console rules: no database at " + file + " (option --db FILE)");
            return 0;
        }
        List<com.vigil.persistence.rules.ConsoleRuleRow> rows;
        try (com.vigil.persistence.db.Database d = com.vigil.persistence.db.Database.open(file)) {
            rows = new com.vigil.persistence.rules.ConsoleRuleStore(d).all();
        } catch (RuntimeException e) {
            err.println("vigil rules: " + e.getMessage());
            return 2;
        }
        o.println(rows.size() + " console rules in " + file);
        int broken = 0;
        for (com.vigil.persistence.rules.ConsoleRuleRow r : rows) {
            String head = String.format("  %-32s grade %d  %-3s  rev %d by %s: ", r.id(), r.grade(), r.enabled() ? "on" : "off",
                    r.revision(), r.changedBy());
            if (!r.enabled()) {
                o.println(head + r.when().replaceAll("\\s+", " "));
                continue;
            }
            try {
                OnlineCompositeRules.Definition d = com.vigil.app.runtime.RuleBook.runnable(plant, r);
                o.printf("%sfor %d s  clear after %d s  reads %s%n", head, d.rule().forMillis() / 1000,
                        d.clearMillis() / 1000, String.join(", ", d.rule().tags()));
            } catch (CompositeRuleAlarms.RuleProblem e) {
                broken++;
                o.println(head + "CANNOT RUN: " + e.getMessage());
            }
        }
        if (broken > 0) {
            err.println("vigil rules: " + broken + " console rule(s) switched on cannot run with this plant file");
            return 2;
        }
        return 0;
    }
}
