package com.vigil.app.runtime;

import com.vigil.alarm.AlarmConfig;
import com.vigil.alarm.AlarmEngine;
import com.vigil.historian.Historian;
import com.vigil.historian.HistorianOptions;
import com.vigil.ingest.IngestPipeline;
import com.vigil.ingest.LiveSnapshot;
import com.vigil.model.ConnectionState;
import com.vigil.opcua.OpcUaSource;
import com.vigil.opcua.TagBinding;
import com.vigil.persistence.db.Database;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.sim.server.DemoPlantServer;
import com.vigil.sim.server.PortInUseException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition of the running console: demo plant server → Milo client → ingest thread → (live
 * snapshot, alarm engine) with the journal in SQLite. Constructor injection only; no framework.
 */
public final class VigilRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VigilRuntime.class);

    /**
     * What to start. {@code simPort} 0 picks a free port (tests). {@code db}: the entity database (journal,
     * accounts, audit) as a normal, non-demo database whose first start creates the administrator; null for the
     * demo database {@link #DEMO_DB} in the data directory with its ready demo accounts. {@code plantFile}: the
     * plant the embedded server simulates and the console shows (null: the built-in demo plant).
     */
    public record Options(Path dataDir, int simPort, long seed, double simSpeed, Path db, Path plantFile) {
        public Options(Path dataDir, int simPort, long seed, double simSpeed) {
            this(dataDir, simPort, seed, simSpeed, null, null);
        }

        public Options(Path dataDir, int simPort, long seed, double simSpeed, Path db) {
            this(dataDir, simPort, seed, simSpeed, db, null);
        }
    }

    private final Options options;
    private volatile com.vigil.warning.online.OnlineAssetWarnings assetWarnings;
    private final PlantDefinition plant;
    private final LiveSnapshot snapshot;
    private final IngestPipeline pipeline;
    private final AlarmEngine engine;
    private final com.vigil.warning.online.OnlineCompositeRules rules;
    private final RuleBook ruleBook;
    private final SitePresence sitePresence;
    /** File name of the demo plant's entity database (journal, accounts, audit) in the data directory. */
    public static final String DEMO_DB = "vigil-demo.db";

    private final CompletableFuture<Database> database;
    private final CompletableFuture<AccountsWiring.Accounts> accounts;
    private final ScheduledExecutorService ticker;
    /** Applies session changes to the rules in order, off the FX thread. */
    private final java.util.concurrent.ExecutorService presence =
            Executors.newSingleThreadExecutor(daemon("vigil-presence"));
    private final ScheduledExecutorService rulePoll =
            Executors.newSingleThreadScheduledExecutor(daemon("vigil-rule-poll"));
    /** This console's presence heartbeat (own thread: a slow rule poll must not make the others drop this console). */
    private final ScheduledExecutorService presenceBeat =
            Executors.newSingleThreadScheduledExecutor(daemon("vigil-presence-beat"));
    private final Clock clock = Clock.systemUTC();
    private volatile Historian historian;
    private volatile DemoPlantServer server;
    private volatile OpcUaSource source;
    private volatile ConnectionState connection = ConnectionState.DISCONNECTED;
    private volatile String connectionDetail = "";

    public VigilRuntime(Options options) {
        this.options = options;
        try {
            this.plant = com.vigil.plantconfig.PlantFiles.loadOrDemo(options.plantFile());
        } catch (com.vigil.plantconfig.PlantFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        // the composite rules are checked before anything is opened: a broken rule leaves nothing behind
        List<com.vigil.warning.online.OnlineCompositeRules.Definition> ruleDefs;
        try {
            ruleDefs = CompositeRuleAlarms.compile(plant);
        } catch (com.vigil.plantconfig.PlantFileException e) {
            throw new IllegalArgumentException("the plant's composite rules cannot be used: " + e.getMessage(), e);
        }
        this.snapshot = new LiveSnapshot(600); // sparklines and the first minutes; trends read the historian
        this.pipeline = new IngestPipeline(1024, snapshot);
        // the embedded demo plant keeps its own database, so a real plant's database is never flagged demo;
        // --db names a normal database: no demo accounts are ever created there
        boolean demoDb = options.db() == null;
        Path dbFile = demoDb ? options.dataDir().resolve(DEMO_DB) : options.db();
        this.database = CompletableFuture.supplyAsync(() -> Database.open(dbFile),
                r -> daemon("vigil-db-open").newThread(r).start());
        this.accounts = database.thenApply(db -> {
            AccountsWiring.Accounts a = AccountsWiring.open(db, clock, com.vigil.accounts.AccountPolicy.defaults());
            if (demoDb && (a.service().isDemoDatabase() || a.service().needsFirstAdmin())) {
                a.service().prepareDemo(); // ready demo accounts, one per role, clearly flagged demo
            }
            return a;
        });
        this.engine = new AlarmEngine(demoAlarmConfig(plant), clock, new JournalAdapter(database));
        pipeline.addConsumer(engine);
        // early warning: time to threshold on every analog tag with limits, raised as ordinary alarms
        pipeline.addConsumer(com.vigil.warning.online.OnlineTimeToThreshold.withDefaults(plant.plant().tags(),
                new EarlyWarningAlarms(engine, plant)));
        // composite rules written by engineers (the plant file's, and the console's from the database once it is
        // open), raised as ordinary alarms
        this.ruleBook = new RuleBook(engine, plant, ruleDefs);
        this.rules = ruleBook.rules();
        database.thenAccept(db -> {
            try {
                ruleBook.attach(new com.vigil.persistence.rules.ConsoleRuleStore(db));
            } catch (RuntimeException e) {
                LOG.error("the console's composite rules could not be loaded", e);
            }
        });
        // operator_present: someone at this console or at another console on the same database (nobody signed in yet)
        long started = System.nanoTime();
        this.sitePresence = new SitePresence(java.util.UUID.randomUUID().toString(), station(), rules,
                () -> (System.nanoTime() - started) / 1_000_000, clock::millis);
        database.thenAccept(db -> sitePresence.attach(new com.vigil.persistence.presence.ConsolePresenceStore(db)));
        pipeline.addConsumer(rules);
        // multivariate early warning per asset, once its models are loaded (or trained on first start)
        pipeline.addConsumer(batch -> {
            com.vigil.warning.online.OnlineAssetWarnings a = assetWarnings;
            if (a != null) {
                a.onBatch(batch);
            }
        });
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("vigil-alarm-clock"));
    }

    /**
     * Loads the multivariate asset models from {@code DATA_DIR/models}; when there are none (first start), trains
     * them in the background on three simulated days of normal operation of the demo plant (other seeds than
     * the live plant) and saves them, so the next start loads them. Off with {@code -Dvigil.assetModels=off}
     * (tests that do not need them). Damaged model files are skipped with a logged note.
     */
    private void startAssetModels() {
        if ("off".equals(System.getProperty("vigil.assetModels"))) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                List<String> notes = new java.util.ArrayList<>();
                Path dir = modelsDir();
                java.util.Map<String, com.vigil.warning.detect.EarlyWarningModel> models = AssetModelStore.load(plant, dir, notes);
                boolean trained = false;
                if (models.isEmpty()) {
                    LOG.info("training the early-warning asset models on 3 simulated days of normal operation");
                    models = AssetModelStore.trainOnSimulatedDays(plant, options.seed() + 1000, 3, 24,
                            com.vigil.warning.online.AssetModels.DEFAULT_DETECTOR, notes);
                    trained = true;
                }
                notes.forEach(n -> LOG.info("asset models: {}", n));
                // active first: a failure to save below must not cost the warnings of this run
                synchronized (this) {
                    if (activeModels != null) {
                        LOG.info("asset models were replaced while these were prepared; keeping the newer ones");
                        return;
                    }
                    activateAssetModels(models, trained ? ModelOrigin.TRAINED_AT_START : ModelOrigin.LOADED,
                            trained ? "3" : dir.toString(), null);
                }
                LOG.info("early warning: {} asset models active", models.size());
                java.util.Set<String> have = models.keySet();
                List<String> without = com.vigil.warning.online.AssetModels.assets(plant.plant().tags()).stream()
                        .map(com.vigil.warning.online.AssetModels.Asset::id).filter(id -> !have.contains(id)).toList();
                if (!without.isEmpty()) {
                    LOG.warn("early warning: no model for {} (retrain with vigil models train)", without);
                }
                if (trained) {
                    synchronized (this) { // not over a set an engineer retrained meanwhile (that one is saved)
                        if (activeModels != null && activeModels.origin() == ModelOrigin.TRAINED_AT_START) {
                            try {
                                com.vigil.warning.online.AssetModels.save(models, dir);
                            } catch (java.io.IOException e) {
                                LOG.warn("early-warning asset models not saved to {}: {} (they are trained again next start)",
                                        dir, e.toString());
                            }
                        }
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                LOG.warn("early-warning asset models unavailable: {}", e.toString());
            }
        }, "vigil-asset-models");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Where the active asset models came from. */
    public enum ModelOrigin {
        /** Trained at the first start on simulated days (detail: days). */
        TRAINED_AT_START,
        /** Loaded from the model directory (detail: the directory). */
        LOADED,
        /** Retrained on simulated days of normal operation (detail: days). */
        SIMULATED_DAYS,
        /** Retrained on the last hours of the historian (detail: hours). */
        HISTORIAN,
        /** Retrained on a recorded file (detail: the file). */
        RECORDING,
        /** Set by a tool or test (detail: free text). */
        OTHER
    }

    /**
     * The asset models the console warns with, where they came from ({@code detail}: days, hours, directory or
     * file), who retrained them (null at start) and since when; null before any is active.
     */
    public record ActiveModels(java.util.Map<String, com.vigil.warning.detect.EarlyWarningModel> models,
                               ModelOrigin origin, String detail, String by, java.time.Instant since) {
        /** In English, for logs and the audit trail. */
        public String source() {
            String what = switch (origin) {
                case TRAINED_AT_START -> "trained at start on " + detail + " simulated days";
                case LOADED -> "loaded from " + detail;
                case SIMULATED_DAYS -> "trained on " + detail + " simulated days";
                case HISTORIAN -> "trained on the last " + detail + " h of the historian";
                case RECORDING -> "trained on " + detail;
                case OTHER -> detail;
            };
            return by == null ? what : what + " by " + by;
        }
    }

    private volatile ActiveModels activeModels;
    private final java.util.concurrent.atomic.AtomicBoolean retraining = new java.util.concurrent.atomic.AtomicBoolean();

    /** Set while the asset models are being retrained (one at a time per console). */
    public java.util.concurrent.atomic.AtomicBoolean retraining() {
        return retraining;
    }

    /** Where the active models' warnings go; retired when the models are replaced. */
    private AssetWarningAlarms assetSink;

    /** The active asset model set, or null while none is loaded or trained yet. */
    public ActiveModels activeModels() {
        return activeModels;
    }

    /** As {@link #activateAssetModels(java.util.Map, ModelOrigin, String, String)} from a tool or test. */
    public void activateAssetModels(java.util.Map<String, com.vigil.warning.detect.EarlyWarningModel> models, String source) {
        activateAssetModels(models, ModelOrigin.OTHER, source, null);
    }

    /**
     * Makes {@code models} the active asset model set (replacing the previous one at once). The multivariate
     * warnings of the previous models are cleared: the new models judge afresh after their settling time.
     */
    public synchronized void activateAssetModels(java.util.Map<String, com.vigil.warning.detect.EarlyWarningModel> models,
                                                 ModelOrigin origin, String detail, String by) {
        ActiveModels before = activeModels;
        AssetWarningAlarms sink = new AssetWarningAlarms(engine, plant);
        assetWarnings = new com.vigil.warning.online.OnlineAssetWarnings(models, plant.plant().tags(),
                com.vigil.warning.online.OnlineAssetWarnings.DEFAULT_PERIOD_MILLIS, sink);
        AssetWarningAlarms old = assetSink;
        assetSink = sink;
        if (old != null && before != null) {
            old.retire(before.models().keySet(), clock.instant());
        }
        activeModels = new ActiveModels(java.util.Map.copyOf(models), origin, detail, by, clock.instant());
    }

    /**
     * Directory of the console's asset models: {@code DATA_DIR/models} for the demo plant, {@code
     * DATA_DIR/models-<plant file name>-<hash of its path>} for another plant, so the models of two plants never mix.
     */
    public Path modelsDir() {
        return modelsDir(options.dataDir(), options.plantFile());
    }

    /** See {@link #modelsDir()}. */
    public static Path modelsDir(Path dataDir, Path plantFile) {
        if (plantFile == null) {
            return dataDir.resolve(AssetModelStore.DIR);
        }
        String name = plantFile.getFileName().toString().replaceFirst("\\.ya?ml$", "").replaceAll("[^A-Za-z0-9_.-]", "_");
        // two plant files of the same name in different folders must not share models
        String hash = Integer.toHexString(plantFile.toAbsolutePath().normalize().toString().hashCode());
        return dataDir.resolve(AssetModelStore.DIR + "-" + name + "-" + hash);
    }

    public Options options() {
        return options;
    }

    /**
     * Starts the demo plant server and connects to it over OPC UA. Returns when the server listens;
     * the connection continues in the background (state via {@link #connection()}).
     */
    public void start(Consumer<ConnectionState> onConnection) throws PortInUseException {
        startAssetModels();
        // the historian records every sample from the first one on (it replays its log if Vigil was killed)
        Historian h = Historian.open(options.dataDir().resolve("historian.db"), HistorianOptions.defaults());
        historian = h;
        pipeline.addConsumer(h);
        pipeline.start();
        ticker.scheduleAtFixedRate(this::tick, 500, 500, TimeUnit.MILLISECONDS);
        // rules saved by another console on the same database run here within seconds (own thread: the alarm
        // clock never waits for the database)
        rulePoll.scheduleWithFixedDelay(() -> {
            try {
                ruleBook.poll();
            } catch (RuntimeException | Error e) { // an escaping throwable would cancel the poll for good
                LOG.warn("checking for changed console rules failed: {}", e.toString());
            }
        }, 5, 5, TimeUnit.SECONDS);
        // this console's presence for the others, and theirs for operator_present here
        presenceBeat.scheduleAtFixedRate(() -> {
            try {
                sitePresence.beat();
            } catch (RuntimeException | Error e) {
                LOG.warn("presence heartbeat failed: {}", e.toString());
            }
        }, 0, SitePresence.BEAT_MILLIS, TimeUnit.MILLISECONDS);
        DemoPlantServer s = new DemoPlantServer(plant, "127.0.0.1", options.simPort(), options.seed(),
                options.simSpeed(), 500);
        s.start();
        server = s;
        List<TagBinding> bindings = plant.plant().tags().stream()
                .map(t -> new TagBinding(t.id(), "ns=2;s=" + t.id())).toList();
        OpcUaSource src = new OpcUaSource(com.vigil.opcua.SourceConfig.simple("demo", s.endpointUrl(), bindings, 500),
                null, pipeline, (url, state, detail) -> {
                    connection = state;
                    connectionDetail = detail;
                    if (onConnection != null) {
                        onConnection.accept(state);
                    }
                }, new com.vigil.opcua.CommunicationListener() {
                    @Override
                    public void onCommunicationLost(String id, String reason) {
                        // every tag of the source is already STALE; the operator also gets an alarm
                        engine.raiseExternal(new com.vigil.alarm.ExternalAlarm("COMM:" + id, id,
                                com.vigil.alarm.AlarmType.COMM, com.vigil.model.Priority.GRADE_2, "",
                                "OPC UA communication lost: " + reason,
                                "Check the OPC UA server and the network; values of this source are STALE"), Double.NaN);
                    }

                    @Override
                    public void onCommunicationRestored(String id) {
                        engine.clearExternal("COMM:" + id);
                    }
                }, null, clock);
        source = src;
        src.start();
    }

    /**
     * The demo plant's alarms: one operator position watches the whole (small) plant, so flood
     * detection counts all areas together.
     */
    static AlarmConfig demoAlarmConfig(PlantDefinition plant) {
        AlarmConfig.Builder b = AlarmConfig.fromPlant(plant.plant()).toBuilder();
        plant.plant().areas().forEach(a -> b.position(a.id(), "control-room"));
        return b.build();
    }

    private void tick() {
        try {
            engine.tick();
        } catch (RuntimeException e) {
            LOG.error("alarm engine tick failed", e);
        }
        try {
            sitePresence.refresh(); // other consoles age out even while the heartbeat waits on the database
        } catch (RuntimeException e) {
            LOG.error("presence refresh failed", e);
        }
    }

    /**
     * Samples of a tag in [now - window, now]: from the historian (which includes what is not yet on
     * disk), or from the live snapshot before the historian is open.
     */
    public List<com.vigil.model.Sample> history(String tag, java.time.Duration window) {
        Historian h = historian;
        long now = clock.millis();
        return h == null ? snapshot.recent(tag) : h.raw(tag, now - window.toMillis(), now + 1);
    }

    public Historian historian() {
        return historian;
    }

    public PlantDefinition plant() {
        return plant;
    }

    public LiveSnapshot snapshot() {
        return snapshot;
    }

    public IngestPipeline pipeline() {
        return pipeline;
    }

    public AlarmEngine engine() {
        return engine;
    }

    /** Every composite rule: the plant file's and the console's (database). */
    public RuleBook ruleBook() {
        return ruleBook;
    }

    /** The composite rules running over the live samples. */
    public com.vigil.warning.online.OnlineCompositeRules rules() {
        return rules;
    }

    /**
     * Tells the composite rules whether someone who may act is at a workstation of this console (signed in, not
     * locked; {@code user} null when nobody): the built-in {@code operator_present} is this, or the same at another
     * console on the database ({@link SitePresence}).
     */
    public void operatorPresent(boolean present, String user) {
        // off the caller's (FX) thread: the rules may raise or clear alarms, which journal them
        presence.execute(() -> sitePresence.local(present, user));
    }

    /** Who is at which console on this database, as the rules' {@code operator_present} sees it. */
    public SitePresence sitePresence() {
        return sitePresence;
    }

    private static volatile String station;

    /**
     * This workstation's name (HOSTNAME, COMPUTERNAME, else the host name the system reports), for the audit trail and
     * the other consoles. Looked up once.
     */
    public static String station() {
        String h = station;
        if (h == null) {
            h = System.getenv("HOSTNAME");
            if (h == null || h.isBlank()) {
                h = System.getenv("COMPUTERNAME");
            }
            if (h == null || h.isBlank()) {
                try {
                    h = java.net.InetAddress.getLocalHost().getHostName();
                } catch (java.io.IOException | RuntimeException e) {
                    h = null;
                }
            }
            h = h == null || h.isBlank() ? "console" : h;
            station = h;
        }
        return h;
    }

    /** Threads of this console's background tasks: named, and never keeping the JVM alive. */
    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static void awaitQuietly(java.util.concurrent.ExecutorService ex) {
        try {
            if (!ex.awaitTermination(3, TimeUnit.SECONDS)) {
                LOG.warn("a background task did not stop within 3 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Accounts and the audit trail; ready once the database is open. */
    public CompletableFuture<AccountsWiring.Accounts> accounts() {
        return accounts;
    }

    /**
     * The audit trail, for a background task that records an operator's action: waits (as long as the alarm
     * journal waits for the same database, {@link DatabaseWait}) while the accounts are still opening, so an action
     * taken in the first seconds is audited too; null when they failed to open (the status bar says the database
     * failed, and alarm handling must go on without it).
     *
     * @throws IllegalStateException when the accounts are not open in time: the caller does not act
     */
    public com.vigil.accounts.AuditTrail auditTrailWhenOpen() {
        try {
            return DatabaseWait.await(accounts, "the audit trail").audit();
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        }
    }

    public CompletableFuture<Database> database() {
        return database;
    }

    public DemoPlantServer server() {
        return server;
    }

    public ConnectionState connection() {
        return connection;
    }

    public String connectionDetail() {
        return connectionDetail;
    }

    public String endpointUrl() {
        DemoPlantServer s = server;
        return s == null ? "" : s.endpointUrl();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        rulePoll.shutdownNow();
        presenceBeat.shutdownNow();
        presence.shutdownNow();
        // a heartbeat still writing would put this console's row back after leave(), and the database must not
        // close under a running poll
        awaitQuietly(rulePoll);
        awaitQuietly(presenceBeat);
        OpcUaSource src = source;
        if (src != null) {
            src.close();
        }
        DemoPlantServer s = server;
        if (s != null) {
            s.stop();
        }
        pipeline.close();
        Historian h = historian;
        if (h != null) {
            h.close();
        }
        if (database.isDone() && !database.isCompletedExceptionally()) {
            // the other consoles stop counting this one at once; bounded, the caller may be the FX thread
            try {
                CompletableFuture.runAsync(sitePresence::leave).get(3, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("this console's presence was not removed ({}); the others drop it within {} s", e.toString(),
                        SitePresence.STALE_MILLIS / 1000);
            }
        }
        database.thenAccept(Database::close);
    }
}
