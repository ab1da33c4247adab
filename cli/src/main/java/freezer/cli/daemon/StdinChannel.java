package freezer.cli.daemon;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A served call's standard input, fetched from the client only when the call first reads it
 * (as in-process, a call that never reads standard input leaves it alone): the daemon asks with
 * an {@code I} line, and the client sends its standard input on a connection of its own, whose
 * end is the input's end (bash cannot half-close a {@code /dev/tcp} connection). A call reads
 * its input whole anyway, so it is taken whole.
 */
final class StdinChannel extends InputStream {
    private static final AtomicLong IDS = new AtomicLong();
    /** Calls waiting for their standard input, by id. */
    private static final ConcurrentHashMap<String, CompletableFuture<byte[]>> WAITING = new ConcurrentHashMap<>();
    /** How long a call waits for its client to connect standard input (a client gone never does). */
    private static final long WAIT_HOURS = 1;

    private final OutputStream reply;
    private InputStream in;

    StdinChannel(OutputStream reply) {
        this.reply = reply;
    }

    /** Reads a stdin connection for call {@code id} to its end, for the call waiting for it. */
    static void deliver(String id, InputStream stdin) throws IOException {
        CompletableFuture<byte[]> f = WAITING.remove(id);
        if (f == null) {
            throw new IOException("no call " + id + " is waiting for standard input");
        }
        try {
            f.complete(stdin.readAllBytes());
        } catch (IOException e) {
            f.completeExceptionally(e);
            throw e;
        }
    }

    private InputStream open() throws IOException {
        if (in == null) {
            String id = Long.toString(IDS.incrementAndGet());
            CompletableFuture<byte[]> f = new CompletableFuture<>();
            WAITING.put(id, f);
            Wire.line(reply, "I " + id);
            reply.flush();
            try {
                in = new ByteArrayInputStream(f.get(WAIT_HOURS, TimeUnit.HOURS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted waiting for standard input");
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("standard input could not be read", e);
            } finally {
                WAITING.remove(id);
            }
        }
        return in;
    }

    @Override
    public int read() throws IOException {
        return open().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return open().read(b, off, len);
    }
}
