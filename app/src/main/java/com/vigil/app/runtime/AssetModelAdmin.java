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

    /** What a retraining did. */
    public record Outcome(int models, List<String> notes, List<String> removed, String source) { }

    /** Whether the session may retrain (the button's state; {@link #retrain} checks again). */
    public static boolean allowed(AccountService accounts, Session session) {
        return session != null && !session.viewOnly()
                && accounts.permissions().allows(session.actor().role(), ProtectedAction.CONFIG_CHANGE);
    }

    /**
     * Trains one model per asset on {@code days} simulated days of normal operation of the plant (seeds other than
     * the live plant's), or on {@code recording} (a historian export / recorded file) when given; activates and saves
     * them. Slow (tens of seconds): call it off the FX thread.
     *
     * @throws com.vigil.accounts.AccessDeniedException not allowed (recorded in the audit trail by the service)
     * @throws IllegalArgumentException no comment, or nothing could be modelled (audited as failed)
     */
    public Outcome retrain(AccountService accounts, Session session, int days, Path recording, String comment)
            throws IOException {
        String target = "early-warning models " + runtime.modelsDir();
        accounts.require(session, ProtectedAction.CONFIG_CHANGE, target);
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("a comment is required: why the models are retrained");
        }
        String source = recording != null ? "trained on " + recording : "trained on " + days + " simulated days";
        VigilRuntime.ActiveModels before = runtime.activeModels();
        try {
            List<String> notes = new ArrayList<>();
            Map<String, EarlyWarningModel> models = recording != null
                    ? AssetModelStore.trainOnRecording(runtime.plant(), recording, AssetModels.DEFAULT_DETECTOR, notes)
                    : AssetModelStore.trainOnSimulatedDays(runtime.plant(),
                            runtime.options().seed() + 1000, days, 24,
                            AssetModels.DEFAULT_DETECTOR, notes);
            if (models.isEmpty()) {
                throw new IllegalArgumentException("no asset could be modelled: " + String.join("; ", notes));
            }
            runtime.activateAssetModels(models, source + " by " + session.userName());
            List<String> removed = AssetModels.save(models, runtime.modelsDir());
            accounts.audit().record(session.actor(), AuditAction.CONFIG_CHANGE, target,
                    (before == null ? 0 : before.models().size()) + " asset models",
                    models.size() + " asset models " + source + " (" + AssetModels.DEFAULT_DETECTOR + ")"
                            + (removed.isEmpty() ? "" : "; removed " + String.join(", ", removed)), comment);
            return new Outcome(models.size(), notes, removed, source);
        } catch (IOException | RuntimeException e) {
            accounts.audit().append(session.actor().user(), session.actor().role(), AuditAction.CONFIG_CHANGE,
                    AuditOutcome.FAILED, target, null, null, comment + " (" + source + ": " + e.getMessage() + ")");
            throw e;
        }
    }
}
