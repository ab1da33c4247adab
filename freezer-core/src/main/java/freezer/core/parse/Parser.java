package freezer.core.parse;

import freezer.core.CompileError;
import freezer.core.CompileWork;
import freezer.core.ErrorType;
import freezer.core.lexer.Lexer;
import freezer.core.lexer.Token;
import freezer.core.lexer.TokenKind;
import freezer.core.num.NumberParser;
import freezer.core.num.NumberSyntaxException;
import freezer.core.num.ParsedDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the parse tree from the lexer's tokens, driven by the {@link Rule} table alone, as
 * py/parse.c does: a stack of rules in progress and a stack of results, so nesting depth is
 * bounded by memory, never by the Java stack. While it builds nodes it simplifies them as
 * upstream does (dropping lone parentheses, folding constant expressions and tuples, replacing
 * {@code const()} names), because the compiler's output depends on the exact tree.
 */
public final class Parser {
    private final Lexer lex;
    private final InternedStrings interned;
    private final ConstFolder folder;

    // The rule stack: which rule, how far into it, and the line of its first token.
    private Rule[] rules = new Rule[64];
    private int[] ruleArg = new int[64];
    private int[] ruleLine = new int[64];
    private int[] ruleOffset = new int[64];
    private int ruleTop;

    private final List<ParseNode> results = new ArrayList<>();

    /** Whether to take a rule's {@link Descent} in one step; off, the walk goes rule by rule. */
    private final boolean takeDescents;
    /** Steps of the main loop so far: the parser's work, which tests count. */
    private long steps;

    private Parser(Lexer lex, InternedStrings interned, int smallIntBits, boolean takeDescents) {
        this.lex = lex;
        this.interned = interned;
        this.folder = new ConstFolder(this, smallIntBits);
        this.takeDescents = takeDescents;
    }

    /**
     * Parses a whole file (upstream's file_input).
     *
     * @param interned the strings interned so far; the parser interns identifiers and short
     *     string literals into it, in source order
     * @param smallIntBits the target's small-int width: wider ints become constant objects
     */
    public static ParseNode parseFile(Lexer lex, InternedStrings interned, int smallIntBits) {
        return parseFile(lex, interned, smallIntBits, new CompileWork());
    }

    /** {@link #parseFile(Lexer, InternedStrings, int)}, with descents as {@code work} says, counting its steps there. */
    public static ParseNode parseFile(Lexer lex, InternedStrings interned, int smallIntBits, CompileWork work) {
        Parser p = new Parser(lex, interned, smallIntBits, work.takeDescents());
        ParseNode root = p.run();
        work.parseSteps(p.steps);
        return root;
    }

    private ParseNode run() {
        pushRule(lex.token().line(), lex.token().offset(), Rule.file_input, 0);
        boolean backtrack = false;

        while (ruleTop > 0) {
            steps++;
            ruleTop--;
            Rule rule = rules[ruleTop];
            int i = ruleArg[ruleTop];
            int srcLine = ruleLine[ruleTop];
            int srcOffset = ruleOffset[ruleTop];
            int n = rule.size();

            if (i == 0 && takeDescents) {
                Descent d = rule.descent(lex.token().kind());
                if (d != Descent.NONE) {
                    descend(d, srcLine, srcOffset);
                    continue;
                }
            }

            switch (rule.kind()) {
                case OR -> {
                    if (i > 0 && !backtrack) {
                        continue;
                    }
                    backtrack = false;
                    boolean matched = false;
                    for (; i < n; i++) {
                        Rule.Part part = rule.part(i);
                        if (!part.mayStartWith(lex.token().kind())) {
                            continue;
                        }
                        if (part.isToken()) {
                            pushResultToken(rule);
                            lex.next();
                        } else {
                            if (i + 1 < n) {
                                pushRule(srcLine, srcOffset, rule, i + 1);
                            }
                            pushRule(lex.token().line(), lex.token().offset(), part.rule(), 0);
                        }
                        matched = true;
                        break;
                    }
                    if (!matched) {
                        backtrack = true;
                    }
                }
                case AND, AND_IDENT, AND_BLANK -> {
                    if (backtrack) {
                        if (rule.part(i - 1).optional()) {
                            // an optional part that failed: it is absent
                            results.add(null);
                            backtrack = false;
                        } else if (i > 1) {
                            // tokens were eaten, so there is nothing to backtrack to
                            throw syntaxError();
                        } else {
                            continue;
                        }
                    }
                    boolean descended = false;
                    for (; i < n; i++) {
                        Rule.Part part = rule.part(i);
                        if (!part.mayStartWith(lex.token().kind())) {
                            // the part fails here without a trace (only rule parts are optional)
                            if (part.optional()) {
                                results.add(null);
                                continue;
                            } else if (i > 0) {
                                throw syntaxError();
                            }
                            backtrack = true;
                            descended = true;
                            break;
                        }
                        if (part.isToken()) {
                            if (part.token() == TokenKind.NAME) {
                                pushResultToken(rule);
                            }
                            lex.next();
                        } else {
                            pushRule(srcLine, srcOffset, rule, i + 1);
                            pushRule(lex.token().line(), lex.token().offset(), part.rule(), 0);
                            descended = true;
                            break;
                        }
                    }
                    if (!descended) {
                        finishAnd(rule, srcLine, srcOffset);
                    }
                }
                default -> backtrack = stepList(rule, i, srcLine, srcOffset, backtrack);
            }
        }

        if (lex.token().kind() != TokenKind.END || results.isEmpty()) {
            throw syntaxError();
        }
        return results.get(0);
    }

    /**
     * Enters a rule whose way down to the current token is forced: pushes the frames the levels
     * that stay would push, then the token's node, as the step-by-step walk would.
     */
    private void descend(Descent d, int srcLine, int srcOffset) {
        Token t = lex.token();
        int kept = d.levelsKept(lex.peekKind());
        for (int f = 0; f < d.frames() && d.frameLevel(f) < kept; f++) {
            // the first level is the rule entered, whose frame has its own position
            boolean first = d.frameLevel(f) == 0;
            pushRule(first ? srcLine : t.line(), first ? srcOffset : t.offset(), d.frameRule(f), d.frameArg(f));
        }
        pushResultToken(d.bottom());
        lex.next();
    }

    /** An AND rule matched all its parts: build its node (or pass its single part through). */
    private void finishAnd(Rule rule, int srcLine, int srcOffset) {
        int n = rule.size();
        // parse.c discards statements that are only a constant, such as doc strings
        if (rule == Rule.expr_stmt && peek(0) == null) {
            ParseNode p = peek(1);
            if (p instanceof ParseNode.SmallInt || p instanceof ParseNode.Str || p instanceof ParseNode.Tok
                    || p instanceof ConstNode) {
                pop();
                pop();
                pushResultRule(srcLine, srcOffset, Rule.pass_stmt, 0);
                return;
            }
        }

        // only NAME tokens and rules leave a result
        int count = 0;
        int notNull = 0;
        for (int x = n - 1; x >= 0; x--) {
            Rule.Part part = rule.part(x);
            if (part.isToken()) {
                if (part.token() == TokenKind.NAME) {
                    count++;
                    notNull++;
                }
            } else {
                if (peek(count) != null) {
                    notNull++;
                }
                count++;
            }
        }

        if (notNull == 1 && rule.kind() == Rule.Kind.AND_IDENT) {
            ParseNode pn = null;
            for (int x = 0; x < count; x++) {
                ParseNode pn2 = pop();
                if (pn2 != null) {
                    pn = pn2;
                }
            }
            results.add(pn);
        } else {
            if (rule.kind() == Rule.Kind.AND_BLANK) {
                // the slot the compiler fills with the rule's scope
                results.add(null);
                count++;
            }
            pushResultRule(srcLine, srcOffset, rule, count);
        }
    }

    /**
     * One step of a list rule ({@code item+}, {@code item (sep item)*}, or the same with a
     * trailing separator). Returns the new backtrack state.
     */
    private boolean stepList(Rule rule, int i, int srcLine, int srcOffset, boolean backtrack) {
        // parse.c's encoding: 2 = one or more, 1 = separated, 3 = separated with optional end
        int n = switch (rule.kind()) {
            case ONE_OR_MORE -> 2;
            case LIST -> 1;
            default -> 3;
        };
        boolean trailingSep = false;
        if (!backtrack) {
            for (;;) {
                Rule.Part part = rule.part(i & 1 & n);
                if (!part.mayStartWith(lex.token().kind())) {
                    // the item or separator fails here without a trace
                    i++;
                    break;
                }
                if (part.isToken()) {
                    if ((i & 1 & n) == 0) {
                        // separators that are tokens are not kept
                        pushResultToken(rule);
                    }
                    lex.next();
                    i++;
                } else {
                    pushRule(srcLine, srcOffset, rule, i + 1);
                    pushRule(lex.token().line(), lex.token().offset(), part.rule(), 0);
                    return false;
                }
            }
        }
        // an item or separator failed to match
        if (n == 2) {
            if (i == 1) {
                return true;
            }
        } else {
            if (i == 1) {
                return true;
            } else if ((i & 1) == 1) {
                // an item failed after a separator was eaten
                if (n == 3) {
                    trailingSep = true;
                } else {
                    throw syntaxError();
                }
            }
        }

        int count = i - 1;
        if ((n & 1) == 1 && rule.part(1).isToken()) {
            // separators that are tokens are not counted
            count = (count + 1) / 2;
        }
        if (count != 1 || trailingSep) {
            pushResultRule(srcLine, srcOffset, rule, count);
        }
        // a single item without trailing separator stays on the stack as it is
        return false;
    }

    private void pushResultToken(Rule rule) {
        Token t = lex.token();
        ParseNode pn;
        switch (t.kind()) {
            case NAME -> {
                String id = t.text();
                if (!interned.intern(id)) {
                    throw nameTooLong(t);
                }
                ConstValue c = rule == Rule.atom ? folder.constNamed(id) : null;
                pn = c != null ? folder.constNode(t.line(), t.offset(), c) : new ParseNode.Id(id);
            }
            case INTEGER -> {
                BigInteger v;
                try {
                    v = NumberParser.parseInteger(t.text(), 0);
                } catch (NumberSyntaxException e) {
                    throw tokenError(t, e.getMessage());
                }
                pn = folder.constNode(t.line(), t.offset(), new ConstValue.IntValue(v));
            }
            case FLOAT_OR_IMAG -> {
                ParsedDecimal d;
                try {
                    d = NumberParser.parseDecimal(t.text(), true, false);
                } catch (NumberSyntaxException e) {
                    throw tokenError(t, e.getMessage());
                }
                ConstValue v = d.complex() ? new ConstValue.ComplexValue(d.real(), d.imag())
                        : new ConstValue.FloatValue(d.real());
                pn = new ConstNode(t.line(), t.offset(), v);
            }
            case STRING -> {
                String s = t.text();
                // short strings are interned; long ones only become qstrs if already interned
                // (upstream avoids interning doc strings, which the compiler drops)
                if (s.length() <= 10) {
                    interned.intern(s);
                    pn = new ParseNode.Str(s);
                } else if (interned.contains(s)) {
                    pn = new ParseNode.Str(s);
                } else {
                    pn = new ConstNode(t.line(), t.offset(), new ConstValue.StrValue(s));
                }
            }
            case BYTES -> pn = new ConstNode(t.line(), t.offset(), new ConstValue.BytesValue(t.text()));
            default -> pn = new ParseNode.Tok(t.kind());
        }
        results.add(pn);
    }

    /** parse.c push_result_rule: simplifies, folds, or builds the node for a matched rule. */
    void pushResultRule(int srcLine, int srcOffset, Rule rule, int numArgs) {
        if (rule == Rule.atom_paren) {
            ParseNode pn = peek(0);
            if (pn != null && !ParseNode.isRule(pn, Rule.testlist_comp)) {
                // parentheses around a single expression are just the expression
                return;
            }
        } else if (rule == Rule.testlist_comp) {
            ParseNode pn = peek(0);
            if (pn instanceof RuleNode r) {
                if (r.rule() == Rule.testlist_comp_3b) {
                    // one item with a trailing comma
                    pop();
                    numArgs--;
                } else if (r.rule() == Rule.testlist_comp_3c) {
                    // many items: the inner list already holds them all
                    pop();
                    results.set(results.size() - 1, r.withRule(Rule.testlist_comp));
                    return;
                }
            }
        } else if (rule == Rule.testlist_comp_3c) {
            // take in the first item, which the enclosing testlist_comp parsed
            numArgs++;
        }

        int[] args = {numArgs};
        if (folder.foldLogical(rule, args)) {
            return;
        }
        numArgs = args[0];
        if (folder.foldConstants(rule, numArgs)) {
            return;
        }
        if (buildTuple(srcLine, srcOffset, rule, numArgs)) {
            return;
        }

        ParseNode[] nodes = new ParseNode[numArgs];
        for (int i = numArgs - 1; i >= 0; i--) {
            nodes[i] = pop();
        }
        RuleNode node = new RuleNode(rule, srcLine, srcOffset, nodes);
        if (rule == Rule.testlist_comp_3c) {
            // stands in for the item taken from the enclosing testlist_comp
            results.add(node);
        }
        results.add(node);
    }

    /** MICROPY_COMP_CONST_TUPLE: a tuple display of constants becomes one constant. */
    private boolean buildTuple(int srcLine, int srcOffset, Rule rule, int numArgs) {
        if (rule == Rule.testlist_comp && peekRule(0) == Rule.atom_paren) {
            return buildTupleFromStack(srcLine, srcOffset, numArgs);
        }
        if (rule == Rule.testlist_comp_3c && peekRule(2) == Rule.atom_paren) {
            if (buildTupleFromStack(srcLine, srcOffset, numArgs)) {
                // the testlist_comp_3b and testlist_comp rules have nothing left to do
                ruleTop -= 2;
                return true;
            }
        }
        if (rule == Rule.testlist_star_expr || rule == Rule.testlist || rule == Rule.subscriptlist) {
            return buildTupleFromStack(srcLine, srcOffset, numArgs);
        }
        return false;
    }

    private boolean buildTupleFromStack(int srcLine, int srcOffset, int numArgs) {
        for (int i = 0; i < numArgs; i++) {
            if (!ParseNodes.isConst(peek(i))) {
                return false;
            }
        }
        ConstValue[] items = new ConstValue[numArgs];
        for (int i = numArgs - 1; i >= 0; i--) {
            items[i] = ParseNodes.toValue(pop());
        }
        results.add(new ConstNode(srcLine, srcOffset, new ConstValue.TupleValue(Arrays.asList(items))));
        return true;
    }

    // The result stack, as the folder sees it.

    ParseNode peek(int pos) {
        return results.get(results.size() - 1 - pos);
    }

    ParseNode pop() {
        return results.remove(results.size() - 1);
    }

    void push(ParseNode pn) {
        results.add(pn);
    }

    void set(int pos, ParseNode pn) {
        results.set(results.size() - 1 - pos, pn);
    }

    String sourceName() {
        return lex.sourceName();
    }

    private Rule peekRule(int n) {
        return rules[ruleTop - 1 - n];
    }

    private void pushRule(int line, int offset, Rule rule, int arg) {
        if (ruleTop == rules.length) {
            rules = Arrays.copyOf(rules, ruleTop * 2);
            ruleArg = Arrays.copyOf(ruleArg, ruleTop * 2);
            ruleLine = Arrays.copyOf(ruleLine, ruleTop * 2);
            ruleOffset = Arrays.copyOf(ruleOffset, ruleTop * 2);
        }
        rules[ruleTop] = rule;
        ruleArg[ruleTop] = arg;
        ruleLine[ruleTop] = line;
        ruleOffset[ruleTop] = offset;
        ruleTop++;
    }

    private CompileError syntaxError() {
        Token t = lex.token();
        return switch (t.kind()) {
            case INDENT -> tokenError(ErrorType.IndentationError, t, "unexpected indent");
            case DEDENT_MISMATCH -> tokenError(ErrorType.IndentationError, t,
                    "unindent doesn't match any outer indent level");
            case MALFORMED_FSTRING -> tokenError(t, "malformed f-string");
            default -> tokenError(t, "invalid syntax");
        };
    }

    private CompileError tokenError(Token t, String message) {
        return tokenError(ErrorType.SyntaxError, t, message);
    }

    private CompileError tokenError(ErrorType type, Token t, String message) {
        return CompileError.at(type, message, lex.sourceName(), t.line(), t.offset(), null);
    }

    private CompileError nameTooLong(Token t) {
        return CompileError.withoutLine(ErrorType.RuntimeError, "name too long", lex.sourceName(), t.line(),
                t.offset());
    }
}
