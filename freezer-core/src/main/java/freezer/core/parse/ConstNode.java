package freezer.core.parse;

/**
 * A constant object in the parse tree (upstream's RULE_const_object): a literal that is not a
 * small int or interned string, or the result of constant folding (which has line 0, as
 * upstream gives it). {@code offset} is where its first token is in the source (freezer's, for
 * error positions).
 */
public record ConstNode(int line, int offset, ConstValue value) implements ParseNode {
}
