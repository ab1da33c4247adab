package freezer.core;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads to compile on. Upstream's compiler recurses over the parse tree and mpy-cross compiles
 * nesting many thousands deep; a Java thread's default stack (often 1 MB) is far smaller than
 * the room that needs, so every compile, in the CLI and in tests, runs on a thread with a large
 * stack. Only the pages actually touched are ever committed, so a large reservation costs nothing.
 */
public final class CompilerThreads {
    /** The stack each compile thread reserves. */
    public static final long STACK_BYTES = 256L * 1024 * 1024;

    private CompilerThreads() {
    }

    /** Daemon threads named {@code <name>-1}, {@code <name>-2} ... with {@link #STACK_BYTES} of stack. */
    public static ThreadFactory factory(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, name + "-" + n.incrementAndGet(), STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
    }
}
