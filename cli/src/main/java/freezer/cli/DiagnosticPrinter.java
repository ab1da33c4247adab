package freezer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** Writes diagnostics in the form {@code --error-format} asks for (docs/cli.md, "Errors"). */
abstract class DiagnosticPrinter {

    abstract void print(Diagnostic d, PrintStream err);

    /** {@code text} or {@code json}; null for any other name. */
    static DiagnosticPrinter named(String name) {
        if (name.equals("text")) {
            return new Text();
        }
        if (name.equals("json")) {
            return new Json();
        }
        return null;
    }

    /** The note under an error whose real place is not on the line mpy-cross names. */
    static String faultNote(Diagnostic d) {
        return "the error is here; mpy-cross reports it at line " + d.line();
    }

    /**
     * {@code FILE:LINE:COL: Type: message}, the source line and a caret. When mpy-cross names no
     * line, the first line is {@code FILE: Type: message} as mpy-cross has it, and freezer's own
     * position follows as a note; when the error really is on another line than mpy-cross's, a
     * note names that place and the excerpt shows it.
     */
    static final class Text extends DiagnosticPrinter {
        @Override
        void print(Diagnostic d, PrintStream err) {
            StringBuilder sb = new StringBuilder();
            int excerptLine = d.line();
            int excerptColumn = d.column();
            if (d.lineReported()) {
                sb.append(d.file()).append(':').append(d.line()).append(':').append(d.column()).append(": ")
                        .append(d.type()).append(": ").append(d.message()).append('\n');
                if (d.fault() != null) {
                    sb.append(d.file()).append(':').append(d.fault().line()).append(':').append(d.fault().column())
                            .append(": note: ").append(faultNote(d)).append('\n');
                    excerptLine = d.fault().line();
                    excerptColumn = d.fault().column();
                }
            } else {
                sb.append(d.file()).append(": ").append(d.type()).append(": ").append(d.message()).append('\n');
                if (d.line() > 0) {
                    sb.append(d.file()).append(':').append(d.line()).append(':').append(d.column())
                            .append(": note: mpy-cross names no line for this error; freezer found it here\n");
                }
            }
            SourceExcerpt x = SourceExcerpt.of(d.source(), excerptLine, excerptColumn);
            if (x != null) {
                sb.append("    ").append(x.text()).append('\n');
                if (x.caret() != null) {
                    sb.append("    ").append(x.caret()).append('\n');
                }
            }
            err.print(sb);
            err.flush();
        }
    }

    /**
     * One JSON object per line: {@code file}, {@code line}, {@code column}, {@code type},
     * {@code message}, {@code lineReported}, {@code offset} (the byte offset, -1 when unknown),
     * and {@code note} ({@code line}, {@code column}, {@code message}) when the error is on
     * another line than mpy-cross's.
     */
    static final class Json extends DiagnosticPrinter {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        @Override
        void print(Diagnostic d, PrintStream err) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("file", d.file());
            o.put("line", d.line());
            o.put("column", d.column());
            o.put("type", d.type());
            o.put("message", d.message());
            o.put("lineReported", d.lineReported());
            o.put("offset", d.offset());
            if (d.fault() != null) {
                ObjectNode note = o.putObject("note");
                note.put("line", d.fault().line());
                note.put("column", d.fault().column());
                note.put("message", faultNote(d));
            }
            try {
                err.println(MAPPER.writeValueAsString(o));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            err.flush();
        }
    }
}
