package freezer.core;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs work that recurses as deeply as its input nests (the compiler on the parse tree, the
 * writers and readers on nested functions) on a thread with a deep stack, so the depth freezer
 * handles is bounded by memory rather than by the JVM's default stack.
 *
 * <p>The threads are kept for a while and reused: starting one with so large a stack costs about
 * as much as compiling a small module (0.8 ms), which the compile daemon would pay on every call.
 */
public final class DeepStack {
    /** 1 GiB of address space; only the pages actually used are committed. */
    public static final long STACK_BYTES = 1L << 30;
    private static final long KEEP_ALIVE_SECONDS = 30;
    private static final ExecutorService THREADS = new ThreadPoolExecutor(0, Integer.MAX_VALUE,
            KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(),
            task -> new DeepStackThread(task, "freezer-deep-stack"));

    private DeepStack() {
    }

    /** A thread with a deep stack; work already on one runs directly. */
    public static final class DeepStackThread extends Thread {
        public DeepStackThread(Runnable task, String name) {
            super(null, task, name, STACK_BYTES);
            setDaemon(true);
        }
    }

    /** {@code work.get()}, on a deep-stack thread; its unchecked exceptions pass through. */
    public static <T> T call(Supplier<T> work) {
        if (Thread.currentThread() instanceof DeepStackThread) {
            return work.get();
        }
        Future<T> result = THREADS.submit(work::get);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    // the work cannot be abandoned half-done: it finishes, and the interrupt is kept
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    } else if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
