package com.vigil.app.runtime;

import com.vigil.accounts.AccountService;
import com.vigil.accounts.AuditAction;
import com.vigil.accounts.AuditOutcome;
import com.vigil.accounts.ProtectedAction;
import com.vigil.accounts.Session;
import com.vigil.warning.detect.EarlyWarningModel;
import com.vigil.warning.online.AssetModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Retraining the console's asset models from the UI: a configuration change (engineer or administrator), with a
 * comment, audited like {@code vigil models train}: refused (by the account service), done with before/after, or
 * failed with the reason. The new models are active at once and replace the saved set in {@code DATA_DIR/models}.
 */
public final class AssetModelAdmin {
    private final VigilRuntime runtime;

    public AssetModelAdmin(VigilRuntime runtime) {
        this.runtime = runtime;
    }

    /** What the models are trained on. */
    public sealed interface Source {
        /** For the audit trail: "trained on …". */
        String describe();

        /** The active model set's origin. */
        VigilRuntime.ModelOrigin origin();

        /** Days, hours or the file. */
        String detail();
    }

    /** Simulated days of normal operation of the (demo) plant. */
    public record SimulatedDays(int days) implements Source {
        @Override
        public VigilRuntime.ModelOrigin origin() {
            return VigilRuntime.ModelOrigin.SIMULATED_DAYS;
        }

        @Override
        public String detail() {
            return String.valueOf(days);
        }

        @Override
        public String describe() {
            return "trained on " + days + " simulated days";
        }
    }

    /** The last {@code hours} of this console's historian. */
    public record RecentHistory(double hours) implements Source {
        @Override
        public String describe() {
            return "trained on the last " + detail() + " h of the historian";
        }

        @Override
        public VigilRuntime.ModelOrigin origin() {
            return VigilRuntime.ModelOrigin.HISTORIAN;
        }

        @Override
        public String detail() {
            return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
        }
    }

    /** A recorded file {@code timestamp,tag,value,quality} (historian export, headless simulator run). */
    public record Recording(Path file) implements Source {
        @Override
        public VigilRuntime.ModelOrigin origin() {
            return VigilRuntime.ModelOrigin.RECORDING;
        }

        @Override
        public String detail() {
            return file.toString();
        }

        @Override
        public String describe() {
            return "trained on " + file;
        }
    }

    /** What a retraining did. */
    public record Outcome(int models, List<String> notes, List<String> removed, String source) { }

    /** Whether the session may retrain (the button's state; {@link #retrain} checks again). */
    public static boolean allowed(AccountService accounts, Session session) {
        return session != null && !session.viewOnly()
                && accounts.permissions().allows(session.actor().role(), ProtectedAction.CONFIG_CHANGE);
    }

    /**
     * Trains one model per asset on the source (simulated days use other seeds than the live plant; the historian
     * source is the console's own recorded operation, which the user judges normal); activates and saves them.
     * Slow (seconds to tens of seconds): call it off the FX thread.
     *
     * @throws com.vigil.accounts.AccessDeniedException not allowed (recorded in the audit trail by the service)
     * @throws IllegalArgumentException no comment, or nothing could be modelled (audited as failed)
     */
    public Outcome retrain(AccountService accounts, Session session, Source from, String comment) throws IOException {
        String target = "early-warning models " + runtime.modelsDir();
        accounts.require(session, ProtectedAction.CONFIG_CHANGE, target);
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("a comment is required: why the models are retrained");
        }
        // one retraining at a time per console (whichever window or tool started it)
        if (!runtime.retraining().compareAndSet(false, true)) {
            throw new IllegalStateException("another retraining of the models is running; try again when it is done");
        }
        String source = from.describe();
        try {
            List<String> notes = new ArrayList<>();
            Map<String, EarlyWarningModel> models;
            if (from instanceof Recording r) {
                models = AssetModelStore.trainOnRecording(runtime.plant(), r.file(), AssetModels.DEFAULT_DETECTOR, notes);
            } else if (from instanceof SimulatedDays d) {
                models = AssetModelStore.trainOnSimulatedDays(runtime.plant(), runtime.options().seed() + 1000, d.days(),
                        24, AssetModels.DEFAULT_DETECTOR, notes);
            } else {
                com.vigil.historian.Historian historian = runtime.historian();
                if (historian == null) {
                    throw new IllegalArgumentException("the historian is not open yet");
                }
                // the historian keeps the samples' own (source) time: "the last N hours" ends at the newest sample
                long newest = AssetModelStore.newestSampleTime(runtime.plant(), historian);
                if (newest == Long.MIN_VALUE) {
                    throw new IllegalArgumentException("the historian holds no samples yet");
                }
                models = AssetModelStore.trainOnHistorian(runtime.plant(), historian, newest + 1,
                        ((RecentHistory) from).hours(), AssetModels.DEFAULT_DETECTOR, notes);
            }
            if (models.isEmpty()) {
                throw new IllegalArgumentException("no asset could be modelled: " + String.join("; ", notes));
            }
            List<String> removed;
            VigilRuntime.ActiveModels before;
            synchronized (runtime) {
                // the session may have been locked or ended while the models were trained
                accounts.require(session, ProtectedAction.CONFIG_CHANGE, target);
                before = runtime.activeModels();
                // saved first: what is active is what the next start loads, and a failed save changes nothing
                removed = AssetModels.save(models, runtime.modelsDir());
                runtime.activateAssetModels(models, from.origin(), from.detail(), session.userName());
            }
            accounts.audit().record(session.actor(), AuditAction.CONFIG_CHANGE, target,
                    (before == null ? 0 : before.models().size()) + " asset models",
                    models.size() + " asset models " + source + " (" + AssetModels.DEFAULT_DETECTOR + ")"
                            + (removed.isEmpty() ? "" : "; removed " + String.join(", ", removed)), comment);
            return new Outcome(models.size(), notes, removed, source);
        } catch (com.vigil.accounts.AccessDeniedException e) {
            throw e; // the account service audited the refusal
        } catch (IOException | RuntimeException e) {
            accounts.audit().append(session.actor().user(), session.actor().role(), AuditAction.CONFIG_CHANGE,
                    AuditOutcome.FAILED, target, null, null, comment + " (" + source + ": " + e.getMessage() + ")");
            throw e;
        } finally {
            runtime.retraining().set(false);
        }
    }
}
