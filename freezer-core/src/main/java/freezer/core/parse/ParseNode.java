package freezer.core.parse;

import freezer.core.lexer.TokenKind;

/**
 * A node of the parse tree, as py/parse.h distinguishes them: leaves (a small int, an
 * identifier, an interned string, a token) carry no line; {@link RuleNode}s and
 * {@link ConstNode}s do. An absent node is Java {@code null}, as upstream uses 0.
 */
public sealed interface ParseNode permits ParseNode.SmallInt, ParseNode.Id, ParseNode.Str, ParseNode.Tok,
        RuleNode, ConstNode {

    /** An int that fits the target's small ints. */
    record SmallInt(long value) implements ParseNode {
    }

    /** An identifier (a byte string). */
    record Id(String name) implements ParseNode {
    }

    /** A string literal whose text is interned as a qstr (a byte string). */
    record Str(String value) implements ParseNode {
    }

    /** A token kept as a leaf: None, True, False, ..., operators in some rules. */
    record Tok(TokenKind kind) implements ParseNode {
    }

    static boolean isRule(ParseNode pn, Rule rule) {
        return pn instanceof RuleNode r && r.rule() == rule;
    }

    static boolean isToken(ParseNode pn, TokenKind kind) {
        return pn instanceof Tok t && t.kind() == kind;
    }
}
