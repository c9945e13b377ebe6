package com.vigil.app.cli;

import com.vigil.plantconfig.PlantDefinition;
import com.vigil.plantconfig.PlantFileException;
import com.vigil.plantconfig.PlantFiles;
import com.vigil.sim.server.DemoPlantServer;
import com.vigil.sim.server.PortInUseException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigil sim}: the demo plant OPC UA server alone. */
@Command(name = "sim", mixinStandardHelpOptions = true, description = "Run the demo plant OPC UA server alone.")
public final class SimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "TCP port (default ${DEFAULT-VALUE}).")
    int port = DemoPlantServer.DEFAULT_PORT;

    @Option(names = "--bind", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind = "127.0.0.1";

    @Option(names = "--plant", description = "Plant file (YAML); default: the built-in demo plant.")
    Path plantFile;

    @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--speed", description = "Simulated seconds per second (default ${DEFAULT-VALUE}).")
    double speed = 1.0;

    @Option(names = "--seconds", description = "Stop after this many seconds (default: run until interrupted).")
    long seconds;

    @Override
    public Integer call() throws Exception {
        PlantDefinition plant;
        try {
            plant = plantFile == null ? PlantFiles.demo() : PlantFiles.load(plantFile);
        } catch (PlantFileException e) {
            spec.commandLine().getErr().println("vigil sim: " + e.getMessage());
            return 2;
        }
        DemoPlantServer server = new DemoPlantServer(plant, bind, port, seed, speed, 500);
        try {
            server.start();
        } catch (PortInUseException e) {
            spec.commandLine().getErr().println("vigil sim: " + e.getMessage());
            return 2;
        }
        spec.commandLine().getOut().println("demo plant '" + plant.plant().name() + "' with "
                + plant.plant().tags().size() + " tags serving at " + server.endpointUrl());
        spec.commandLine().getOut().flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stop.countDown();
        }));
        if (seconds > 0) {
            Thread.sleep(seconds * 1000);
            server.stop();
            return 0;
        }
        stop.await();
        return 0;
    }
}
