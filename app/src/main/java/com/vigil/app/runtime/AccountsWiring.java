package com.vigil.app.runtime;

import com.vigil.accounts.AccountPolicy;
import com.vigil.accounts.AccountService;
import com.vigil.accounts.AuditEntry;
import com.vigil.accounts.AuditFilter;
import com.vigil.accounts.AuditStore;
import com.vigil.accounts.AuditTrail;
import com.vigil.accounts.UserAccount;
import com.vigil.accounts.UserStore;
import com.vigil.model.Role;
import com.vigil.persistence.accounts.UserAccountStore;
import com.vigil.persistence.accounts.UserRow;
import com.vigil.persistence.audit.AuditLogStore;
import com.vigil.persistence.audit.AuditRow;
import com.vigil.persistence.audit.AuditSeqTakenException;
import com.vigil.persistence.db.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Wires the accounts service to SQLite: adapters from the accounts ports ({@link UserStore}, {@link AuditStore})
 * to the persistence stores. (The persistence module may not depend on a service, so the app adapts, as
 * {@code JournalAdapter} does for the alarm journal.)
 */
public final class AccountsWiring {
    /** The wired services. */
    public record Accounts(AccountService service, AuditTrail audit) {
    }

    private AccountsWiring() {
    }

    /** Accounts and audit trail on an open database. */
    public static Accounts open(Database db, Clock clock, AccountPolicy policy) {
        AuditTrail audit = auditTrail(db, clock);
        return new Accounts(new AccountService(new Users(new UserAccountStore(db)), audit, clock, policy), audit);
    }

    /** Only the audit trail (for {@code vigil audit}). */
    public static AuditTrail auditTrail(Database db, Clock clock) {
        return new AuditTrail(new Audit(new AuditLogStore(db)), clock);
    }

    /** {@link UserStore} over {@link UserAccountStore}. */
    public static final class Users implements UserStore {
        private final UserAccountStore store;

        public Users(UserAccountStore store) {
            this.store = store;
        }

        @Override
        public Optional<UserAccount> find(String userName) {
            return store.find(userName).map(Users::fromRow);
        }

        @Override
        public List<UserAccount> all() {
            return store.all().stream().map(Users::fromRow).toList();
        }

        @Override
        public void insert(UserAccount a) {
            store.insert(toRow(a));
        }

        @Override
        public void update(UserAccount a) {
            store.update(toRow(a));
        }

        @Override
        public boolean isDemoDatabase() {
            return store.isDemoDatabase();
        }

        @Override
        public void markDemoDatabase() {
            store.markDemoDatabase();
        }

        static UserRow toRow(UserAccount a) {
            return new UserRow(a.userName(), a.displayName(), a.role().name(), a.passwordHash(), a.demo(), a.enabled(),
                    a.failedAttempts(), millis(a.lockedUntil()), millis(a.passwordChangedAt()),
                    a.createdAt() == null ? 0 : a.createdAt().toEpochMilli());
        }

        static UserAccount fromRow(UserRow r) {
            return new UserAccount(r.userName(), r.displayName(), Role.valueOf(r.role()), r.passwordHash(), r.demo(),
                    r.enabled(), r.failedAttempts(), instant(r.lockedUntilMillis()), instant(r.passwordChangedMillis()),
                    Instant.ofEpochMilli(r.createdMillis()));
        }
    }

    /** {@link AuditStore} over {@link AuditLogStore}. */
    public static final class Audit implements AuditStore {
        private final AuditLogStore store;

        public Audit(AuditLogStore store) {
            this.store = store;
        }

        @Override
        public Optional<AuditEntry> head() {
            return store.head().map(Audit::fromRow);
        }

        @Override
        public void append(AuditEntry e) {
            try {
                store.append(new AuditRow(null, e.seq(), e.time().toEpochMilli(), e.user(), e.role(), e.action(),
                        e.outcome(), e.target(), e.before(), e.after(), e.comment(), e.prevHash(), e.hash()));
            } catch (AuditSeqTakenException ex) {
                throw new ConflictException(ex.getMessage(), ex);
            }
        }

        @Override
        public List<AuditEntry> page(long afterSeq, long afterId, int limit) {
            return store.page(afterSeq, afterId, limit).stream().map(Audit::fromRow).toList();
        }

        @Override
        public List<AuditEntry> find(AuditFilter f, long afterSeq, int limit) {
            return store.find(millis(f.from()), millis(f.to()), f.user(), f.actions(), afterSeq, limit).stream()
                    .map(Audit::fromRow).toList();
        }

        @Override
        public Optional<Long> seqOfHash(String hash) {
            return store.seqOfHash(hash);
        }

        @Override
        public Optional<AuditEntry> bySeq(long seq) {
            return store.bySeq(seq).map(Audit::fromRow);
        }

        @Override
        public long count() {
            return store.count();
        }

        static AuditEntry fromRow(AuditRow r) {
            return new AuditEntry(r.id(), r.seq(), Instant.ofEpochMilli(r.timeMillis()), r.user(), r.role(), r.action(),
                    r.outcome(), r.target(), r.before(), r.after(), r.comment(), r.prevHash(), r.hash());
        }
    }

    private static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }

    private static Instant instant(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }
}
