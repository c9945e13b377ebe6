package com.vigil.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** A service on in-memory stores with a hand-driven clock and cheap Argon2 parameters. */
final class Fixture {
    static final PasswordHasher.Params FAST = new PasswordHasher.Params(1024, 1, 1);
    static final String ADMIN_PW = "Correct-Horse-42";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    final InMemoryUserStore users = new InMemoryUserStore();
    final InMemoryAuditStore auditStore = new InMemoryAuditStore();
    final AuditTrail audit = new AuditTrail(auditStore, clock);
    final AccountPolicy policy = AccountPolicy.defaults().withHashing(FAST).withMaxFailures(5)
            .withLockDuration(Duration.ofMinutes(15)).withIdleLock(Duration.ofMinutes(10));
    final AccountService service = new AccountService(users, audit, clock, policy);

    Session admin() {
        return service.createFirstAdmin("admin", "Administrator", ADMIN_PW.toCharArray());
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
