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
                "Run them over simulated scenarios with: vigil detect --format demo --plant FILE"})
public final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--plant", paramLabel = "FILE", description = "Plant file (default: the built-in demo plant).")
    Path plantFile;

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
            return 0;
        } catch (PlantFileException e) {
            err.println("vigil rules: " + e.getMessage());
            return 2;
        }
    }
}
