package freezer.core.lexer;

import freezer.core.CompileError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A token stream as text, one line per token: {@code LINE:COLUMN KIND "text"}, the text's bytes
 * outside printable ASCII (and '"', '\') written as {@code \xHH}; a thrown error ends it as
 * {@code ! Type message}. The expected dumps under test resources are in this form; they were made
 * by a token dumper built on upstream's py/lexer.c (kept outside the repository).
 */
final class TokenDump {
    /** More tokens than any test input has: a lexer that never reaches END fails instead of hanging. */
    static final int MAX_TOKENS = 1_000_000;

    private TokenDump() {
    }

    static List<String> dump(String sourceName, byte[] source) {
        List<String> lines = new ArrayList<>();
        try {
            Lexer lexer = new Lexer(sourceName, source);
            for (int n = 0; ; n++) {
                lines.add(format(lexer.token()));
                if (lexer.token().kind() == TokenKind.END || n >= MAX_TOKENS) {
                    break;
                }
                lexer.next();
            }
        } catch (CompileError e) {
            lines.add("! " + e.type() + " " + e.message());
        }
        return lines;
    }

    static String format(Token token) {
        StringBuilder s = new StringBuilder();
        s.append(token.line()).append(':').append(token.column()).append(' ').append(token.kind()).append(" \"");
        for (int i = 0; i < token.text().length(); i++) {
            char c = token.text().charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                s.append(c);
            } else {
                s.append(String.format("\\x%02x", (int) c));
            }
        }
        return s.append('"').toString();
    }

    /**
     * For comparing with the upstream dumper outside the build: reads a list of source paths
     * (one per line) and writes the dump of line N's file to {@code OUT_DIR/N.tokens}.
     */
    public static void main(String[] args) throws IOException {
        List<String> paths = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        Path outDir = Path.of(args[1]);
        Files.createDirectories(outDir);
        for (int i = 0; i < paths.size(); i++) {
            Path path = Path.of(paths.get(i));
            List<String> lines = dump(path.getFileName().toString(), Files.readAllBytes(path));
            Files.write(outDir.resolve(i + ".tokens"), lines, StandardCharsets.ISO_8859_1);
        }
    }
}
