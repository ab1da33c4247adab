package freezer.core;

import java.util.function.Supplier;

/**
 * Runs work that recurses as deeply as its input nests (the compiler on the parse tree, the
 * writers and readers on nested functions) on a thread with a deep stack, so the depth freezer
 * handles is bounded by memory rather than by the JVM's default stack.
 */
public final class DeepStack {
    /** 1 GiB of address space; only the pages actually used are committed. */
    public static final long STACK_BYTES = 1L << 30;

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
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new DeepStackThread(() -> {
            try {
                result[0] = work.get();
            } catch (RuntimeException | Error e) {
                failure[0] = e;
            }
        }, "freezer-deep-stack");
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        } else if (failure[0] instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
