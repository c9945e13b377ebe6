package com.vigil.opcua;

/**
 * Told when a source loses and regains its server; the app raises / clears an external COMM alarm.
 * Called on the source's own notification thread, never on Milo's; keep it short.
 */
public interface CommunicationListener {
    /** The server cannot be reached (at start or after a loss); every tag of the source is STALE. */
    void onCommunicationLost(String sourceId, String reason);

    /** The session is back and subscriptions are in place again; values resume. */
    void onCommunicationRestored(String sourceId);
}
