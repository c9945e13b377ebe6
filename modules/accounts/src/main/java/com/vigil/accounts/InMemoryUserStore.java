package com.vigil.accounts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link UserStore} in memory, for tests and tools. Enforces the demo rule like the SQLite store. */
public final class InMemoryUserStore implements UserStore {
    private final Map<String, UserAccount> accounts = new ConcurrentHashMap<>();
    private volatile boolean demo;

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public Optional<UserAccount> find(String userName) {
        return userName == null ? Optional.empty() : Optional.ofNullable(accounts.get(key(userName)));
    }

    @Override
    public List<UserAccount> all() {
        List<UserAccount> l = new ArrayList<>(accounts.values());
        l.sort(Comparator.comparing(UserAccount::userName));
        return l;
    }

    @Override
    public synchronized void insert(UserAccount account) {
        if (account.demo() && !demo) {
            throw new IllegalStateException("demo accounts exist only in a demo database");
        }
        if (accounts.putIfAbsent(key(account.userName()), account) != null) {
            throw new IllegalStateException("account exists: " + account.userName());
        }
    }

    @Override
    public synchronized void update(UserAccount account) {
        UserAccount old = accounts.get(key(account.userName()));
        if (old == null) {
            throw new IllegalStateException("no account " + account.userName());
        }
        if (old.demo() != account.demo()) {
            throw new IllegalStateException("the demo flag of an account cannot change");
        }
        accounts.put(key(account.userName()), account);
    }

    @Override
    public boolean isDemoDatabase() {
        return demo;
    }

    @Override
    public void markDemoDatabase() {
        demo = true;
    }
}
