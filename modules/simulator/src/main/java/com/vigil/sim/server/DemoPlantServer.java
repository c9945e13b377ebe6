package com.vigil.sim.server;

import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.sim.dynamics.PlantDynamics;
import com.vigil.sim.scenario.ScenarioSpec;
import com.vigil.sim.scenario.TruthEvent;
import com.vigil.sim.time.SimClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * The demo plant as an OPC UA server (Eclipse Milo), on 127.0.0.1 unless told otherwise. A simulation thread
 * steps {@link PlantDynamics} ({@code speed} simulated seconds per real second) and publishes every tag with a
 * source timestamp from the simulated clock and a server timestamp from the wall clock; sensors marked failed
 * report {@code Bad_SensorFailure}. Scenarios can be scheduled before or after {@link #start()}; a comm-loss
 * scenario drops the TCP transport for its duration.
 */
public final class DemoPlantServer implements AutoCloseable {
    public static final String PATH = "/vigil-demo";
    public static final int DEFAULT_PORT = 48400;

    private final PlantDefinition plant;
    private final long seed;
    private PlantDynamics dynamics;
    private final String bindAddress;
    private final int port;
    private final double speed;
    private final long tickMillis;
    private ServerSecurity security = ServerSecurity.NONE;
    private boolean explicitStart;
    private UaServerHost host;
    private ScheduledExecutorService ticker;
    private ScheduledFuture<?> tickTask;

    /**
     * @param plant       plant definition (tags and simulation settings)
     * @param bindAddress address to listen on (e.g. 127.0.0.1)
     * @param port        TCP port; 0 picks a free one
     * @param seed        random seed: same seed, same plant behaviour
     * @param speed       simulated seconds per real second (1 = real time, 60 = an hour per minute)
     * @param tickMillis  real milliseconds between simulation steps
     */
    public DemoPlantServer(PlantDefinition plant, String bindAddress, int port, long seed, double speed,
                           long tickMillis) {
        this.plant = plant;
        this.seed = seed;
        this.dynamics = new PlantDynamics(plant, seed, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        this.bindAddress = bindAddress;
        this.port = port == 0 ? UaServerHost.freePort(bindAddress) : port;
        this.speed = speed;
        this.tickMillis = tickMillis;
    }

    public DemoPlantServer(PlantDefinition plant, int port) {
        this(plant, "127.0.0.1", port, 42L, 1.0, 500);
    }

    /** Security options; call before {@link #start()}. Default: SecurityPolicy None, anonymous. */
    public synchronized DemoPlantServer security(ServerSecurity s) {
        if (host != null) {
            throw new IllegalStateException("security must be set before start()");
        }
        this.security = s;
        return this;
    }

    /** Simulated start instant (default: now); call before {@link #start()} and before scheduling scenarios. */
    public synchronized DemoPlantServer startAt(Instant start) {
        if (host != null) {
            throw new IllegalStateException("the start time must be set before start()");
        }
        this.dynamics = new PlantDynamics(plant, seed, start);
        this.explicitStart = true;
        return this;
    }

    /** Starts the server; fails with {@link PortInUseException} when the port is taken. */
    public synchronized void start() throws PortInUseException {
        UaServerHost h = new UaServerHost(plant, bindAddress, port, PATH, security);
        host = h;
        try {
            h.start(this::publishAll);
        } catch (PortInUseException | RuntimeException e) {
            host = null;
            throw e;
        }
        if (!explicitStart && dynamics.time() == 0) {
            // certificate creation may have taken seconds: plant time starts now, in step with the wall clock
            dynamics.clock().rebase(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-plant-sim");
            t.setDaemon(true);
            return t;
        });
        tickTask = ticker.scheduleAtFixedRate(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            boolean lost;
            synchronized (dynamics) {
                dynamics.step(speed * tickMillis / 1000.0);
                lost = dynamics.commLost();
            }
            UaServerHost h = host;
            if (h != null) {
                if (lost && !h.transportDown()) {
                    h.dropTransport();
                } else if (!lost && h.transportDown()) {
                    h.restoreTransport();
                }
            }
            publishAll();
        } catch (RuntimeException e) {
            // never let the scheduler cancel the plant silently
            System.err.println("demo plant: simulation step failed: " + e);
        }
    }

    private void publishAll() {
        UaServerHost h = host;
        if (h == null) {
            return;
        }
        DateTime now = new DateTime(Instant.now());
        List<TagDef> tags = dynamics.tags();
        synchronized (dynamics) {
            DateTime source = new DateTime(dynamics.clock().instant());
            for (int i = 0; i < tags.size(); i++) {
                TagDef t = tags.get(i);
                DataValue dv;
                if (dynamics.isBad(i)) {
                    dv = new DataValue(Variant.NULL_VALUE, new StatusCode(StatusCodes.Bad_SensorFailure), source, now);
                } else if (t.kind() == TagKind.DISCRETE) {
                    dv = new DataValue(new Variant(dynamics.value(i) >= 0.5), StatusCode.GOOD, source, now);
                } else {
                    dv = new DataValue(new Variant((float) dynamics.value(i)), StatusCode.GOOD, source, now);
                }
                h.publish(t.id(), dv);
            }
        }
    }

    /** Drives a tag towards a value for a while (simulated seconds), e.g. to demonstrate an alarm. */
    public void force(String tagId, double target, double seconds) {
        synchronized (dynamics) {
            dynamics.force(dynamics.indexOf(tagId), target, seconds);
        }
    }

    /** Fails or restores a sensor: a failed sensor is published with status Bad_SensorFailure. */
    public void failSensor(String tagId, boolean failed) {
        synchronized (dynamics) {
            dynamics.setBad(dynamics.indexOf(tagId), failed);
        }
        publishAll();
    }

    /** Schedules a scenario (time in simulated seconds from the start); unknown names list the valid ones. */
    public void schedule(ScenarioSpec spec) {
        synchronized (dynamics) {
            dynamics.schedule(spec);
        }
    }

    /** Starts a scenario now ({@code target} null = the scenario's default). */
    public void inject(String scenario, String target, Map<String, String> params) {
        synchronized (dynamics) {
            dynamics.inject(scenario, target, params);
        }
    }

    /** Ground truth so far: START / CROSS / END events of the scenarios. */
    public List<TruthEvent> groundTruth() {
        synchronized (dynamics) {
            return dynamics.groundTruth();
        }
    }

    /** Called on the simulation thread with each new ground-truth event. */
    public void onTruth(Consumer<TruthEvent> listener) {
        synchronized (dynamics) {
            dynamics.onTruth(listener);
        }
    }

    /** The simulated clock (source timestamps); share it with an engine that must run on plant time. */
    public SimClock clock() {
        return dynamics.clock();
    }

    public double speed() {
        return speed;
    }

    /** Whether the transport is down because of a comm-loss scenario. */
    public boolean communicationLost() {
        UaServerHost h = host;
        return h != null && h.transportDown();
    }

    /** The directory with the server certificate and trust list (null when running without one). */
    public Path pkiDir() {
        UaServerHost h = host;
        return h == null || h.pki() == null ? null : h.pki().dir;
    }

    public String endpointUrl() {
        return "opc.tcp://" + bindAddress + ":" + port + PATH;
    }

    public int port() {
        return port;
    }

    public PlantDefinition plant() {
        return plant;
    }

    public synchronized void stop() {
        if (tickTask != null) {
            tickTask.cancel(false);
            ticker.shutdownNow();
            tickTask = null;
        }
        if (host != null) {
            host.stop();
            host = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
