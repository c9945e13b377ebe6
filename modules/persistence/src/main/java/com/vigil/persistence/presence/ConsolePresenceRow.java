package com.vigil.persistence.presence;

/**
 * One console's presence as it last wrote it: whether someone who may act is signed in at it and it is not locked
 * ({@code present}, with that user's name), and its heartbeat counter ({@code beat}, one more with every write).
 * {@code seenMillis} is the writer's own clock: other machines' clocks may differ, so liveness is judged from the
 * beat counter moving, not from this time.
 */
public record ConsolePresenceRow(String consoleId, String host, String userName, boolean present, long beat,
                                 long seenMillis) {
}
