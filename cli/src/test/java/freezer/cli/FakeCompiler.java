package freezer.cli;

import freezer.core.CompileError;
import freezer.core.CompileOptions;
import freezer.core.ErrorType;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for the compiler, to test the command line on its own: its output is a function of
 * the source, the input path and the options; a line {@code ERROR} in the source is rejected as
 * a SyntaxError at that line (offset of the E), {@code NOLINE} as an error mpy-cross names no line
 * for, {@code CRASH} throws as a compiler bug would. {@code SLOW <ms>} sleeps, so that threads
 * finish out of order.
 */
final class FakeCompiler implements ModuleCompiler {

    @Override
    public byte[] compile(byte[] source, String inputPath, CompileOptions options) {
        String text = new String(source, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        int lineStart = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int start = lineStart;
            lineStart += line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (line.startsWith("SLOW ")) {
                sleep(Long.parseLong(line.substring(5).strip()));
            }
            int e = line.indexOf("ERROR");
            if (e >= 0) {
                throw CompileError.at(ErrorType.SyntaxError, "invalid syntax", inputPath, i + 1, offset(start, line, e), null);
            }
            if (line.contains("NOLINE")) {
                throw CompileError.withoutLine(ErrorType.RuntimeError, "name too long", inputPath, i + 1,
                        offset(start, line, line.indexOf("NOLINE")));
            }
            if (line.contains("CRASH")) {
                throw new IllegalStateException("compiler bug");
            }
        }
        String name = options.sourceName() != null ? options.sourceName() : inputPath;
        String head = "FAKE name=" + name + " input=" + inputPath + " O" + options.optimisationLevel() + " bits="
                + options.smallIntBits() + " arch=" + options.arch() + "\n";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[h.length + source.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(source, 0, out, h.length, source.length);
        return out;
    }

    /** The byte offset in the file of the character at {@code index} of the line starting at {@code start}. */
    private static int offset(int start, String line, int index) {
        return start + line.substring(0, index).getBytes(StandardCharsets.UTF_8).length;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
