package com.vigil.persistence.presence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A console's presence heartbeat (table {@code console_presence}, migration 4). */
@Entity
@Table(name = "console_presence")
public class ConsolePresenceEntity {
    @Id
    @Column(name = "console_id")
    private String consoleId;
    @Column(nullable = false)
    private String host;
    @Column(name = "user_name")
    private String userName;
    @Column(nullable = false)
    private boolean present;
    @Column(nullable = false)
    private long beat;
    @Column(name = "seen_ms", nullable = false)
    private long seenMillis;

    protected ConsolePresenceEntity() {
    }

    ConsolePresenceEntity(String consoleId) {
        this.consoleId = consoleId;
    }

    void beat(String host, String userName, boolean present, long seenMillis) {
        this.host = host;
        this.userName = userName;
        this.present = present;
        this.beat++;
        this.seenMillis = seenMillis;
    }

    ConsolePresenceRow toRow() {
        return new ConsolePresenceRow(consoleId, host, userName, present, beat, seenMillis);
    }
}
