package freezer.core.batch;

import freezer.core.DeepStack;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Many independent jobs (compiles, reads of prebuilt .mpy files) on all cores, with the results
 * handed back in input order whatever order the threads finish in, so every caller (batch
 * compile, freeze, ROMFS) gets output that does not depend on the thread count.
 *
 * <p>Workers are deep-stack threads: the compiler runs on them directly, with no thread per job.
 */
public final class BatchCompiler {
    private final int threads;

    /** @param threads at most this many jobs run at once (at least 1) */
    public BatchCompiler(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.threads = threads;
    }

    /** One worker per available processor. */
    public static BatchCompiler allCores() {
        return new BatchCompiler(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /** Receives each result in input order, as soon as it and all before it are done. */
    @FunctionalInterface
    public interface InOrder<R> {
        void accept(int index, R result);
    }

    /**
     * Runs {@code work} on every item and returns the results in input order. {@code work} must
     * report its own failures in its result: an exception escaping it is a bug and is rethrown
     * here (wrapped in an {@link IllegalStateException}) after the other jobs are cancelled.
     */
    public <T, R> List<R> map(List<T> items, Function<T, R> work, InOrder<R> inOrder) {
        List<R> results = new ArrayList<>(items.size());
        if (items.isEmpty()) {
            return results;
        }
        if (threads == 1 || items.size() == 1) {
            // no pool for one job: the caller's deep stack (or a single one) is enough
            for (int i = 0; i < items.size(); i++) {
                T item = items.get(i);
                R r = DeepStack.call(() -> work.apply(item));
                inOrder.accept(i, r);
                results.add(r);
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()),
                r -> new DeepStack.DeepStackThread(r, "freezer-batch"));
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
            }
            for (int i = 0; i < futures.size(); i++) {
                R r = await(futures.get(i));
                inOrder.accept(i, r);
                results.add(r);
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@link #map(List, Function, InOrder)} without a per-result callback. */
    public <T, R> List<R> map(List<T> items, Function<T, R> work) {
        return map(items, work, (i, r) -> { });
    }

    private static <R> R await(Future<R> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a batch job failed outside its own error handling", e.getCause());
        }
    }
}
