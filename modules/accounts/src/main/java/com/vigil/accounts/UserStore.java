package com.vigil.accounts;

import java.util.List;
import java.util.Optional;

/**
 * Port: where accounts are kept (implemented over SQLite by the persistence adapter, wired by the app).
 * Every write is committed before the method returns.
 */
public interface UserStore {
    /** The account with this name, compared ignoring case. */
    Optional<UserAccount> find(String userName);

    /** All accounts, ordered by user name. */
    List<UserAccount> all();

    /** Adds a new account; fails if the name is taken. */
    void insert(UserAccount account);

    /** Replaces the stored account of the same name. */
    void update(UserAccount account);

    /** True when the database was flagged as a demo database (the flag is never cleared). */
    boolean isDemoDatabase();

    /** Flags the database as a demo database, permanently. */
    void markDemoDatabase();
}
