package com.vigil.ui.kit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs background work for the UI and hands the result (or the error) back on the FX thread. Views
 * receive a runner by injection; tests use {@link #sameThread()}.
 */
public interface TaskRunner {
    <T> void run(Supplier<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError);

    /** Two background threads; results come back on the FX thread. */
    static TaskRunner background() {
        return background("vigil-ui-task", 2);
    }

    /**
     * Its own pool of {@code threads} daemon threads named {@code name}: for work that must not wait behind
     * the window's other tasks (or hold them up), e.g. the live trend's reads.
     */
    static TaskRunner background(String name, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        return new TaskRunner() {
            @Override
            public <T> void run(Supplier<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
                CompletableFuture.supplyAsync(work, pool).whenComplete((v, e) -> FxPulse.onFx(() -> {
                    if (e != null) {
                        onError.accept(e.getCause() != null ? e.getCause() : e);
                    } else {
                        onSuccess.accept(v);
                    }
                }));
            }
        };
    }

    /** Runs work on the calling thread (tests). */
    static TaskRunner sameThread() {
        return new TaskRunner() {
            @Override
            public <T> void run(Supplier<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
                T v;
                try {
                    v = work.get();
                } catch (RuntimeException e) {
                    onError.accept(e);
                    return;
                }
                onSuccess.accept(v);
            }
        };
    }
}
