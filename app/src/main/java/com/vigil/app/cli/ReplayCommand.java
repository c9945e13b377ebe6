package com.vigil.app.cli;

import com.vigil.alarm.replay.CsvFormatException;
import com.vigil.alarm.replay.Replay;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.plantconfig.PlantFileException;
import com.vigil.plantconfig.PlantFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil replay}: runs the alarm engine over recorded samples and scripted operator actions. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Run the alarm engine over recorded samples (timestamp,tag,value[,quality]) and operator actions "
                + "(timestamp,action,tag,user,role[,comment|duration]); write the journal "
                + "(timestamp,tag,alarm,priority,from_state,to_state,user,comment).")
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--plant", description = "Plant file (YAML) with the tags and their limits; default: the demo plant.")
    Path plantFile;

    @Option(names = "--data", required = true, description = "Samples CSV: timestamp,tag,value[,quality].")
    Path data;

    @Option(names = "--actions", description = "Operator actions CSV: timestamp,action,tag,user,role[,comment|duration].")
    Path actions;

    @Option(names = "--journal", required = true, description = "Where to write the journal CSV.")
    Path journal;

    @Override
    public Integer call() throws Exception {
        PlantDefinition plant;
        try {
            plant = PlantFiles.loadOrDemo(plantFile);
        } catch (PlantFileException e) {
            spec.commandLine().getErr().println("vigil replay: " + e.getMessage());
            return 2;
        }
        try {
            Replay.Result r = Replay.run(plant.plant(), data, actions, journal);
            spec.commandLine().getOut().printf("replayed %d samples and %d actions: %d journal entries (%d refused "
                    + "actions) written to %s%n", r.samples(), r.actions(), r.journalEntries(), r.refused().size(), journal);
            return 0;
        } catch (CsvFormatException e) {
            spec.commandLine().getErr().println("vigil replay: " + e.getMessage());
            return 2;
        } catch (java.nio.file.NoSuchFileException e) {
            spec.commandLine().getErr().println("vigil replay: file not found: " + e.getFile());
            return 2;
        }
    }
}
