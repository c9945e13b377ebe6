package com.vigil.sim.server;

import com.vigil.model.Area;
import com.vigil.model.Limits;
import com.vigil.model.Plant;
import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.sim.replay.ReplayData;
import com.vigil.sim.time.SimClock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * Serves recorded data ({@link ReplayData}) as an OPC UA server at {@code speed}× real time: each recorded
 * instant is published when its time comes, with the recorded time as source timestamp. Tags the plant file
 * knows keep their unit, range and area; other tags go to area {@code REPLAY} with the range seen in the data.
 * Node ids are {@code ns=2;s=<tag>}, the endpoint {@code opc.tcp://ADDR:PORT/vigil-demo} like the demo plant.
 */
public final class ReplayServer implements AutoCloseable {
    private final ReplayData data;
    private final PlantDefinition served;
    private final String bindAddress;
    private final int port;
    private final double speed;
    private final boolean loop;
    private final SimClock clock;
    private ServerSecurity security = ServerSecurity.NONE;
    private UaServerHost host;
    private Thread player;
    private volatile boolean running;
    private volatile boolean finished;

    public ReplayServer(ReplayData data, PlantDefinition plant, String bindAddress, int port, double speed,
                        boolean loop) {
        this.data = data;
        this.served = plantFor(data, plant);
        this.bindAddress = bindAddress;
        this.port = port == 0 ? UaServerHost.freePort(bindAddress) : port;
        this.speed = speed;
        this.loop = loop;
        this.clock = new SimClock(data.start(), ZoneId.of("UTC"));
    }

    public ReplayServer security(ServerSecurity s) {
        this.security = s;
        return this;
    }

    /** The tags served (plant-file definitions where known). */
    public PlantDefinition served() {
        return served;
    }

    /** Replay time: the recorded instant being served. */
    public SimClock clock() {
        return clock;
    }

    public boolean finished() {
        return finished;
    }

    public String endpointUrl() {
        return "opc.tcp://" + bindAddress + ":" + port + DemoPlantServer.PATH;
    }

    public int port() {
        return port;
    }

    public synchronized void start() throws PortInUseException {
        host = new UaServerHost(served, bindAddress, port, DemoPlantServer.PATH, security);
        host.start(() -> {
        });
        running = true;
        player = new Thread(this::play, "replay-player");
        player.setDaemon(true);
        player.start();
    }

    private void play() {
        List<ReplayData.Frame> frames = data.frames();
        Map<String, Boolean> discrete = new HashMap<>();
        served.plant().tags().forEach(t -> discrete.put(t.id(), t.kind() == TagKind.DISCRETE));
        do {
            long realStart = System.nanoTime();
            for (ReplayData.Frame f : frames) {
                double simOffset = (f.time().toEpochMilli() - data.start().toEpochMilli()) / 1000.0;
                long dueNanos = realStart + (long) (simOffset / speed * 1e9);
                try {
                    long wait = dueNanos - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (!running) {
                    return;
                }
                clock.set(simOffset);
                DateTime source = new DateTime(f.time());
                DateTime now = new DateTime(Instant.now());
                for (ReplayData.Sample s : f.samples()) {
                    DataValue dv;
                    if (!"GOOD".equals(s.quality()) && Double.isNaN(s.value())) {
                        dv = new DataValue(Variant.NULL_VALUE, new StatusCode("BAD".equals(s.quality())
                                ? StatusCodes.Bad_NoCommunication : StatusCodes.Uncertain_LastUsableValue), source, now);
                    } else {
                        StatusCode q = switch (s.quality()) {
                            case "BAD" -> new StatusCode(StatusCodes.Bad_SensorFailure);
                            case "UNCERTAIN" -> new StatusCode(StatusCodes.Uncertain_LastUsableValue);
                            default -> StatusCode.GOOD;
                        };
                        Variant v = Boolean.TRUE.equals(discrete.get(s.tag())) ? new Variant(s.value() >= 0.5)
                                : new Variant((float) s.value());
                        dv = new DataValue(v, q, source, now);
                    }
                    UaServerHost h = host;
                    if (h != null) {
                        h.publish(s.tag(), dv);
                    }
                }
            }
        } while (loop && running);
        finished = true;
    }

    public synchronized void stop() {
        running = false;
        if (player != null) {
            player.interrupt();
            player = null;
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

    private static PlantDefinition plantFor(ReplayData data, PlantDefinition plant) {
        Map<String, double[]> range = new LinkedHashMap<>();
        for (ReplayData.Frame f : data.frames()) {
            for (ReplayData.Sample s : f.samples()) {
                if (!Double.isNaN(s.value())) {
                    double[] r = range.computeIfAbsent(s.tag(), k -> new double[] {s.value(), s.value()});
                    r[0] = Math.min(r[0], s.value());
                    r[1] = Math.max(r[1], s.value());
                }
            }
        }
        List<TagDef> tags = new ArrayList<>();
        List<Area> areas = new ArrayList<>();
        boolean replayArea = false;
        for (String id : data.tags()) {
            TagDef known = plant == null ? null : plant.plant().tag(id).orElse(null);
            if (known != null) {
                tags.add(known);
                Area a = plant.plant().areas().stream().filter(x -> x.id().equals(known.area())).findFirst()
                        .orElseThrow();
                if (!areas.contains(a)) {
                    areas.add(a);
                }
            } else {
                double[] r = range.getOrDefault(id, new double[] {0, 1});
                double pad = Math.max(1e-6, (r[1] - r[0]) * 0.1);
                tags.add(new TagDef(id, "REPLAY", "", id, TagKind.ANALOG, "", r[0] - pad, r[1] + pad, r[0], r[1],
                        Limits.NONE, 0, 0));
                replayArea = true;
            }
        }
        if (replayArea) {
            areas.add(new Area("REPLAY", "回放", "Replay"));
        }
        return new PlantDefinition(new Plant("Replay", areas, tags), Map.of(),
                new PlantDefinition.FloorPlan(1, 1, List.of()), Map.of());
    }
}
