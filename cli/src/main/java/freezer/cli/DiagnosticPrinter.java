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

    /**
     * {@code FILE:LINE:COL: Type: message}, the source line and a caret. When mpy-cross names no
     * line, the first line is {@code FILE: Type: message} as mpy-cross has it, and freezer's own
     * position follows as a note.
     */
    static final class Text extends DiagnosticPrinter {
        @Override
        void print(Diagnostic d, PrintStream err) {
            StringBuilder sb = new StringBuilder();
            if (d.lineReported()) {
                sb.append(d.file()).append(':').append(d.line()).append(':').append(d.column()).append(": ")
                        .append(d.type()).append(": ").append(d.message()).append('\n');
            } else {
                sb.append(d.file()).append(": ").append(d.type()).append(": ").append(d.message()).append('\n');
                if (d.line() > 0) {
                    sb.append(d.file()).append(':').append(d.line()).append(':').append(d.column())
                            .append(": note: mpy-cross names no line for this error; freezer found it here\n");
                }
            }
            SourceExcerpt x = SourceExcerpt.of(d.source(), d.line(), d.column());
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
     * {@code message}, {@code lineReported}.
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
            try {
                err.println(MAPPER.writeValueAsString(o));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            err.flush();
        }
    }
}
