package freezer.cli.daemon;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The daemon's protocol, as a bash client can speak it over {@code /dev/tcp}. A request is
 * fields each ended by a NUL byte ({@code printf '%s\0'} writes them, and no argument or path can
 * hold a NUL); the daemon answers with lines the client reads with {@code read}. Standard error
 * comes escaped on one line for {@code printf '%b'} (no process started to copy it); standard
 * output raw after the last line, up to the end of the connection ({@code cat} copies it: a
 * byte count would need a reader that never reads ahead, which macOS's {@code head -c} is not).
 *
 * <pre>
 * request:  freezer-daemon 2 KIND TOKEN ...   (KIND: call, stdin, ping, stop)
 *   call:   JAR CWD UMASK ARGC ARG...         answered A, then I or E lines, then X
 *   stdin:  CALL-ID, then standard input's bytes to the end of the connection
 * answers:  A                 accepted (the liveness signal a client waits a second for)
 *           R REASON          refused (bad token, another jar); no call was run
 *           N REASON          not served here: run the call in-process
 *           I ID              send standard input on a new connection with this call id
 *           E TEXT            standard error, escaped for printf %b
 *           X STATUS COUNT    the call's exit status; COUNT bytes of standard output follow, then the end
 *           P TEXT            the answer to a ping
 * </pre>
 */
final class Wire {
    static final String MAGIC = "freezer-daemon";
    static final String VERSION = "2";
    /** A field's greatest length: an argument or a path, never a file's contents. */
    private static final int MAX_FIELD = 1 << 16;

    private Wire() {
    }

    /** The next NUL-ended field as bytes; EOF before its NUL is an error. */
    static byte[] field(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("the request ended early");
            }
            if (c == 0) {
                return b.toByteArray();
            }
            if (b.size() >= MAX_FIELD) {
                throw new IOException("a request field is too long");
            }
            b.write(c);
        }
    }

    static String text(InputStream in, Charset cs) throws IOException {
        return new String(field(in), cs);
    }

    static String ascii(InputStream in) throws IOException {
        return text(in, StandardCharsets.US_ASCII);
    }

    /** A line of answer; characters stand for the bytes of their codes (see {@link #escape}). */
    static void line(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Bytes as one line that bash's {@code printf '%b'} turns back into them: controls, space
     * ({@code read} would trim it at the ends), backslash and DEL as {@code \0ooo}.
     */
    static String escape(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length + 16);
        for (byte x : bytes) {
            int c = x & 0xff;
            if (c <= ' ' || c == '\\' || c == 0x7f) {
                sb.append('\\').append('0').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                        .append((char) ('0' + (c & 7)));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
