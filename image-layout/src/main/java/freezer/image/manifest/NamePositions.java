package freezer.image.manifest;

import freezer.core.lexer.Lexer;
import freezer.core.lexer.Token;
import freezer.core.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the names of a manifest are: the parse tree keeps no position for a name, so an error
 * about one looks for the first token of that name at or after the last position the
 * interpreter knew (the statement or call around it). Made only when such an error happens.
 */
final class NamePositions {
    private final List<Token> names = new ArrayList<>();
    private final byte[] source;

    NamePositions(byte[] source) {
        this.source = source;
        Lexer lex = new Lexer("<manifest>", source);
        while (lex.token().kind() != TokenKind.END) {
            if (lex.token().kind() == TokenKind.NAME) {
                names.add(lex.token());
            }
            lex.next();
        }
    }

    /**
     * {line, column} of the first token {@code name} at or after (line, column), or null; columns
     * in characters, as {@link ManifestParser#column} counts them.
     */
    int[] find(String name, int line, int column) {
        for (Token t : names) {
            int tColumn = ManifestParser.column(source, t.line(), t.offset());
            boolean after = t.line() > line || (t.line() == line && tColumn >= column);
            if (after && t.text().equals(name)) {
                return new int[] {t.line(), tColumn};
            }
        }
        return null;
    }
}
