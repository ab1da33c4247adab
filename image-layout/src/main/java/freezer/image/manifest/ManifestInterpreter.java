package freezer.image.manifest;

import freezer.core.ByteStrings;
import freezer.core.lexer.TokenKind;
import freezer.core.parse.ConstNode;
import freezer.core.parse.ConstValue;
import freezer.core.parse.ParseNode;
import freezer.core.parse.ParseNodes;
import freezer.core.parse.Rule;
import freezer.core.parse.RuleNode;
import freezer.image.manifest.ManifestValue.Bool;
import freezer.image.manifest.ManifestValue.Int;
import freezer.image.manifest.ManifestValue.None;
import freezer.image.manifest.ManifestValue.Sequence;
import freezer.image.manifest.ManifestValue.Str;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates one manifest's parse tree (freezer's own parser, as for any module) in the part of
 * Python that manifests use: calls with positional, keyword and {@code *} arguments; str, int,
 * bool and None literals, tuples and lists; {@code + - * %}, comparisons, {@code and or not},
 * conditional expressions; attribute access and indexing; assignments; {@code if/elif/else};
 * {@code for} over sequences (with {@code break} and {@code continue}); {@code import os}.
 * Anything else is an error naming its line and column: a manifest is read, never run.
 *
 * <p>Faults become {@link ManifestError}s at the innermost node that has a position; leaves
 * (names) have none in the tree, so their place is looked up in the tokens
 * ({@link NamePositions}).
 */
final class ManifestInterpreter {
    /** Deeper expressions are refused before the Java stack could overflow. */
    private static final int MAX_DEPTH = 200;
    /** A manifest that runs this many statements (nested loops over long sequences) is stopped. */
    private static final int MAX_STATEMENTS = 1_000_000;

    private final Path manifest;
    private final byte[] source;
    private final Map<String, ManifestValue> globals;
    private final Map<String, ManifestValue> modules;
    private NamePositions names;
    private int lastLine = 1;
    private int lastColumn = 1;
    private int depth;
    private int loops;
    private int statements;

    /** How a {@code break} or {@code continue} leaves the statements of a loop body. */
    private static final class LoopExit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final LoopExit BREAK = new LoopExit();
        static final LoopExit CONTINUE = new LoopExit();

        private LoopExit() {
            super(null, null, false, false);
        }
    }

    /**
     * @param globals the manifest's namespace: the API, then whatever it assigns
     * @param modules what {@code import} may bind, by dotted name
     */
    ManifestInterpreter(Path manifest, byte[] source, Map<String, ManifestValue> globals,
            Map<String, ManifestValue> modules) {
        this.manifest = manifest;
        this.source = source;
        this.globals = globals;
        this.modules = modules;
    }

    void run(ParseNode root) {
        exec(root);
    }

    // Statements.

    private void exec(ParseNode pn) {
        if (pn == null || ParseNodes.isToken(pn, TokenKind.NEWLINE)) {
            return;
        }
        if (!(pn instanceof RuleNode r)) {
            eval(pn);
            return;
        }
        mark(r.line(), column(r));
        try {
            if (++statements > MAX_STATEMENTS) {
                throw EvalFailure.unsupported("the manifest ran more than " + MAX_STATEMENTS
                        + " statements; freezer stops it (loops over very long sequences?)");
            }
            switch (r.rule()) {
                case file_input_2, suite_block_stmts, simple_stmt_2 -> {
                    for (int i = 0; i < r.size(); i++) {
                        exec(r.arg(i));
                    }
                }
                case pass_stmt -> {
                }
                case expr_stmt -> exprStmt(r);
                case if_stmt -> ifStmt(r);
                case for_stmt -> forStmt(r);
                case break_stmt, continue_stmt -> {
                    if (loops == 0) {
                        throw new EvalFailure(ManifestErrorKind.SYNTAX, "'" + (r.rule() == Rule.break_stmt
                                ? "break" : "continue") + "' outside loop");
                    }
                    throw r.rule() == Rule.break_stmt ? LoopExit.BREAK : LoopExit.CONTINUE;
                }
                case import_name -> importName(r);
                default -> throw EvalFailure.unsupported(Unsupported.describe(r.rule())
                        + " is not evaluated in manifests: freezer reads calls, assignments, if and for,"
                        + " and never executes manifest code");
            }
        } catch (EvalFailure f) {
            throw error(f, r);
        }
    }

    private void exprStmt(RuleNode r) {
        ParseNode lhs = r.arg(0);
        ParseNode rhs = r.arg(1);
        if (rhs == null) {
            eval(lhs);
            return;
        }
        // Python rejects this when it compiles the manifest, before running any of it
        if (ParseNodes.isConstantLeafOrObject(lhs)) {
            throw new EvalFailure(ManifestErrorKind.SYNTAX, "cannot assign to literal");
        }
        if (rhs instanceof RuleNode rr) {
            if (rr.rule() == Rule.annassign) {
                throw EvalFailure.unsupported("an annotated assignment is not evaluated in manifests");
            } else if (rr.rule() == Rule.expr_stmt_augassign) {
                ManifestValue now = eval(lhs);
                ManifestValue value = eval(rr.arg(1));
                TokenKind op = ((ParseNode.Tok) rr.arg(0)).kind();
                assign(lhs, switch (op) {
                    case DEL_PLUS_EQUAL -> Operators.add(now, value);
                    case DEL_MINUS_EQUAL -> Operators.subtract(now, value);
                    case DEL_STAR_EQUAL -> Operators.multiply(now, value);
                    case DEL_PERCENT_EQUAL -> Operators.modulo(now, value);
                    default -> throw EvalFailure.unsupported("this augmented assignment is not evaluated in"
                            + " manifests (only +=, -=, *= and %=)");
                });
                return;
            } else if (rr.rule() == Rule.expr_stmt_assign_list) {
                int last = rr.size() - 1;
                ManifestValue value = eval(rr.arg(last));
                // as Python: the left-most target is assigned first
                assign(lhs, value);
                for (int i = 0; i < last; i++) {
                    assign(rr.arg(i), value);
                }
                return;
            }
        }
        assign(lhs, eval(rhs));
    }

    private void assign(ParseNode target, ManifestValue value) {
        if (target instanceof ParseNode.Id id) {
            globals.put(text(id.name()), value);
            return;
        }
        List<ParseNode> targets = unpackTargets(target);
        if (targets == null) {
            if (ParseNodes.isConstantLeafOrObject(target)) {
                throw new EvalFailure(ManifestErrorKind.SYNTAX, "cannot assign to literal");
            }
            throw EvalFailure.unsupported("only names and tuples of names can be assigned in manifests");
        }
        List<ManifestValue> items = iterate(value);
        if (items.size() != targets.size()) {
            throw EvalFailure.badArgument(items.size() > targets.size()
                    ? "too many values to unpack (expected " + targets.size() + ")"
                    : "not enough values to unpack (expected " + targets.size() + ", got " + items.size() + ")");
        }
        for (int i = 0; i < targets.size(); i++) {
            assign(targets.get(i), items.get(i));
        }
    }

    /** The targets of {@code a, b = ...}, {@code (a, b) = ...} or {@code [a, b] = ...}; null for other targets. */
    private static List<ParseNode> unpackTargets(ParseNode target) {
        RuleNode list = null;
        if (ParseNodes.isRule(target, Rule.testlist_star_expr) || ParseNodes.isRule(target, Rule.exprlist)) {
            list = (RuleNode) target;
        } else if ((ParseNodes.isRule(target, Rule.atom_paren) || ParseNodes.isRule(target, Rule.atom_bracket))
                && ParseNodes.isRule(((RuleNode) target).arg(0), Rule.testlist_comp)) {
            list = (RuleNode) ((RuleNode) target).arg(0);
        }
        if (list == null) {
            return null;
        }
        List<ParseNode> targets = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (ParseNodes.isRule(list.arg(i), Rule.star_expr) || ParseNodes.isRule(list.arg(i), Rule.comp_for)) {
                return null;
            }
            targets.add(list.arg(i));
        }
        return targets;
    }

    private void ifStmt(RuleNode r) {
        if (Operators.truth(eval(r.arg(0)))) {
            exec(r.arg(1));
            return;
        }
        for (ParseNode e : ParseNodes.extractList(r.arg(2), Rule.if_stmt_elif_list)) {
            RuleNode elif = (RuleNode) e;
            mark(elif.line(), column(elif));
            if (Operators.truth(eval(elif.arg(0)))) {
                exec(elif.arg(1));
                return;
            }
        }
        exec(r.arg(3));
    }

    private void forStmt(RuleNode r) {
        List<ManifestValue> items = iterate(eval(r.arg(1)));
        loops++;
        try {
            for (ManifestValue item : items) {
                assign(r.arg(0), item);
                try {
                    exec(r.arg(2));
                } catch (LoopExit exit) {
                    if (exit == LoopExit.BREAK) {
                        return;
                    }
                }
            }
        } finally {
            loops--;
        }
        exec(r.arg(3));
    }

    /** The items of a sequence or the characters of a str: what {@code for} and unpacking take. */
    private static List<ManifestValue> iterate(ManifestValue v) {
        if (v instanceof Sequence s) {
            return s.items();
        } else if (v instanceof Str s) {
            List<ManifestValue> chars = new ArrayList<>();
            s.text().codePoints().forEach(c -> chars.add(new Str(Character.toString(c))));
            return chars;
        }
        throw EvalFailure.typeError("'" + v.typeName() + "' object is not iterable");
    }

    private void importName(RuleNode r) {
        for (ParseNode pn : ParseNodes.extractList(r.arg(0), Rule.dotted_as_names)) {
            String alias = null;
            ParseNode dotted = pn;
            if (ParseNodes.isRule(pn, Rule.dotted_as_name)) {
                alias = text(((ParseNode.Id) ((RuleNode) pn).arg(1)).name());
                dotted = ((RuleNode) pn).arg(0);
            }
            List<String> parts = new ArrayList<>();
            for (ParseNode part : ParseNodes.extractList(dotted, Rule.dotted_name)) {
                parts.add(text(((ParseNode.Id) part).name()));
            }
            String full = String.join(".", parts);
            ManifestValue module = modules.get(full);
            if (module == null) {
                throw EvalFailure.unsupported("'import " + full + "' is not evaluated in manifests: only os"
                        + " (os.path.join, dirname, basename, abspath, normpath) can be imported");
            }
            if (alias != null) {
                globals.put(alias, module);
            } else {
                globals.put(parts.get(0), modules.get(parts.get(0)));
            }
        }
    }

    // Expressions.

    private ManifestValue eval(ParseNode pn) {
        if (++depth > MAX_DEPTH) {
            depth--;
            throw EvalFailure.unsupported("an expression nested more than " + MAX_DEPTH
                    + " levels deep is not evaluated in manifests");
        }
        try {
            if (pn instanceof RuleNode r) {
                mark(r.line(), column(r));
                try {
                    return evalRule(r);
                } catch (EvalFailure f) {
                    throw error(f, r);
                }
            }
            try {
                return evalLeaf(pn);
            } catch (EvalFailure f) {
                throw error(f, pn);
            }
        } finally {
            depth--;
        }
    }

    private ManifestValue evalLeaf(ParseNode pn) {
        if (pn instanceof ParseNode.Id id) {
            return lookup(text(id.name()));
        } else if (pn instanceof ParseNode.SmallInt i) {
            return Int.of(i.value());
        } else if (pn instanceof ParseNode.Str s) {
            return new Str(text(s.value()));
        } else if (pn instanceof ConstNode c) {
            mark(c.line(), column(c));
            return constant(c.value());
        } else if (pn instanceof ParseNode.Tok t) {
            return switch (t.kind()) {
                case KW_NONE -> None.NONE;
                case KW_TRUE -> Bool.TRUE;
                case KW_FALSE -> Bool.FALSE;
                default -> throw EvalFailure.unsupported("'" + t.kind() + "' is not evaluated in manifests");
            };
        }
        throw EvalFailure.unsupported("this expression is not evaluated in manifests");
    }

    private ManifestValue lookup(String name) {
        ManifestValue v = globals.get(name);
        if (v != null) {
            return v;
        }
        if (Unsupported.isPythonBuiltin(name)) {
            throw new EvalFailure(ManifestErrorKind.UNKNOWN_NAME, "name '" + name + "' is a Python built-in,"
                    + " which manifests cannot use in freezer (it never executes manifest code)");
        }
        throw new EvalFailure(ManifestErrorKind.UNKNOWN_NAME, "name '" + name + "' is not defined (it is not part"
                + " of the manifest API, nor assigned before this line)");
    }

    private static ManifestValue constant(ConstValue c) {
        if (c instanceof ConstValue.StrValue s) {
            return new Str(text(s.bytes()));
        } else if (c instanceof ConstValue.IntValue i) {
            return new Int(i.value());
        } else if (c instanceof ConstValue.TupleValue t) {
            List<ManifestValue> items = new ArrayList<>();
            for (ConstValue item : t.items()) {
                items.add(constant(item));
            }
            return Sequence.tuple(items);
        } else if (c == ConstValue.Singleton.NONE) {
            return None.NONE;
        } else if (c == ConstValue.Singleton.TRUE) {
            return Bool.TRUE;
        } else if (c == ConstValue.Singleton.FALSE) {
            return Bool.FALSE;
        }
        String what = c instanceof ConstValue.FloatValue ? "a float" : c instanceof ConstValue.ComplexValue
                ? "a complex number" : c instanceof ConstValue.BytesValue ? "a bytes literal" : "Ellipsis";
        throw EvalFailure.unsupported(what + " is not evaluated in manifests (only str, int, bool and None)");
    }

    private ManifestValue evalRule(RuleNode r) {
        return switch (r.rule()) {
            case atom_expr_normal -> trailers(r);
            case atom_paren -> r.arg(0) == null ? Sequence.tuple(List.of()) : display(r.arg(0), false);
            case atom_bracket -> r.arg(0) == null ? Sequence.list(List.of()) : display(r.arg(0), true);
            case testlist_star_expr, testlist -> Sequence.tuple(items(r));
            case or_test -> {
                ManifestValue v = null;
                for (int i = 0; i < r.size(); i++) {
                    v = eval(r.arg(i));
                    if (Operators.truth(v)) {
                        break;
                    }
                }
                yield v;
            }
            case and_test -> {
                ManifestValue v = null;
                for (int i = 0; i < r.size(); i++) {
                    v = eval(r.arg(i));
                    if (!Operators.truth(v)) {
                        break;
                    }
                }
                yield v;
            }
            case not_test_2 -> Bool.of(!Operators.truth(eval(r.arg(0))));
            case comparison -> comparison(r);
            case arith_expr, term -> arithmetic(r);
            case factor_2 -> {
                ManifestValue v = eval(r.arg(1));
                yield switch (((ParseNode.Tok) r.arg(0)).kind()) {
                    case OP_MINUS -> Operators.negate(v);
                    case OP_PLUS -> Operators.plus(v);
                    default -> throw EvalFailure.unsupported("'~' is not evaluated in manifests");
                };
            }
            case test_if_expr -> {
                RuleNode ifElse = (RuleNode) r.arg(1);
                yield Operators.truth(eval(ifElse.arg(0))) ? eval(r.arg(0)) : eval(ifElse.arg(1));
            }
            default -> throw EvalFailure.unsupported(Unsupported.describe(r.rule()) + " is not evaluated in manifests");
        };
    }

    /** A parenthesised or bracketed display: a tuple or list (a single parenthesised value never gets here). */
    private ManifestValue display(ParseNode inner, boolean list) {
        List<ManifestValue> items;
        if (ParseNodes.isRule(inner, Rule.testlist_comp)) {
            items = items((RuleNode) inner);
        } else if (ParseNodes.isRule(inner, Rule.yield_expr)) {
            throw EvalFailure.unsupported("yield is not evaluated in manifests");
        } else {
            items = List.of(eval(inner));
        }
        return new Sequence(items, list);
    }

    private List<ManifestValue> items(RuleNode r) {
        if (r.size() > 0 && ParseNodes.isRule(r.arg(r.size() - 1), Rule.comp_for)) {
            throw EvalFailure.unsupported("a comprehension is not evaluated in manifests");
        }
        List<ManifestValue> items = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            ParseNode item = r.arg(i);
            if (ParseNodes.isRule(item, Rule.star_expr)) {
                items.addAll(iterate(eval(((RuleNode) item).arg(0))));
            } else {
                items.add(eval(item));
            }
        }
        return items;
    }

    private ManifestValue comparison(RuleNode r) {
        ManifestValue left = eval(r.arg(0));
        for (int i = 1; i + 1 < r.size(); i += 2) {
            ManifestValue right = eval(r.arg(i + 1));
            if (!compare(r.arg(i), left, right)) {
                return Bool.FALSE;
            }
            left = right;
        }
        return Bool.TRUE;
    }

    private static boolean compare(ParseNode op, ManifestValue a, ManifestValue b) {
        if (op instanceof ParseNode.Tok t) {
            return switch (t.kind()) {
                case OP_LESS -> Operators.compare("<", a, b) < 0;
                case OP_MORE -> Operators.compare(">", a, b) > 0;
                case OP_LESS_EQUAL -> Operators.compare("<=", a, b) <= 0;
                case OP_MORE_EQUAL -> Operators.compare(">=", a, b) >= 0;
                case OP_DBL_EQUAL -> Operators.equal(a, b);
                case OP_NOT_EQUAL -> !Operators.equal(a, b);
                default -> Operators.contains(b, a);
            };
        }
        RuleNode r = (RuleNode) op;
        if (r.rule() == Rule.comp_op_not_in) {
            return !Operators.contains(b, a);
        }
        // 'is' and 'is not': only identity with None, True and False means the same in every Python
        if (!(a instanceof None || a instanceof Bool || b instanceof None || b instanceof Bool)) {
            throw EvalFailure.unsupported("'is' is evaluated in manifests only against None, True or False");
        }
        return (a == b) == (r.arg(0) == null);
    }

    /** {@code a + b - c} or {@code a * b % c}: operands and operator tokens alternate. */
    private ManifestValue arithmetic(RuleNode r) {
        ManifestValue v = eval(r.arg(0));
        for (int i = 1; i + 1 < r.size(); i += 2) {
            ManifestValue right = eval(r.arg(i + 1));
            TokenKind op = ((ParseNode.Tok) r.arg(i)).kind();
            v = switch (op) {
                case OP_PLUS -> Operators.add(v, right);
                case OP_MINUS -> Operators.subtract(v, right);
                case OP_STAR -> Operators.multiply(v, right);
                case OP_PERCENT -> Operators.modulo(v, right);
                default -> throw EvalFailure.unsupported("only +, -, * and % are evaluated in manifests");
            };
        }
        return v;
    }

    /** A name or atom followed by calls, attribute reads and indexing. */
    private ManifestValue trailers(RuleNode r) {
        ManifestValue v = eval(r.arg(0));
        ParseNode[] trailers = ParseNodes.extractList(r.arg(1), Rule.atom_expr_trailers);
        for (ParseNode pn : trailers) {
            RuleNode t = (RuleNode) pn;
            v = switch (t.rule()) {
                case trailer_paren -> call(v, t.arg(0), new ManifestOrigin(manifest, r.line(), column(r)));
                case trailer_period -> attribute(v, text(((ParseNode.Id) t.arg(0)).name()));
                default -> index(v, t.arg(0));
            };
        }
        return v;
    }

    private ManifestValue call(ManifestValue callee, ParseNode argList, ManifestOrigin site) {
        List<ManifestValue> positional = new ArrayList<>();
        Map<String, ManifestValue> keywords = new LinkedHashMap<>();
        for (ParseNode arg : ParseNodes.extractList(argList, Rule.arglist)) {
            if (ParseNodes.isRule(arg, Rule.argument)) {
                RuleNode a = (RuleNode) arg;
                if (ParseNodes.isRule(a.arg(1), Rule.comp_for)) {
                    throw EvalFailure.unsupported("a generator expression is not evaluated in manifests");
                } else if (ParseNodes.isRule(a.arg(1), Rule.argument_3)) {
                    throw EvalFailure.unsupported("':=' is not evaluated in manifests");
                } else if (!(a.arg(0) instanceof ParseNode.Id id)) {
                    throw new EvalFailure(ManifestErrorKind.SYNTAX, "expression cannot contain assignment,"
                            + " perhaps you meant \"==\"?");
                } else {
                    String name = text(id.name());
                    if (keywords.containsKey(name)) {
                        throw new EvalFailure(ManifestErrorKind.SYNTAX, "keyword argument repeated: " + name);
                    }
                    keywords.put(name, eval(a.arg(1)));
                }
            } else if (ParseNodes.isRule(arg, Rule.arglist_star)) {
                positional.addAll(iterate(eval(((RuleNode) arg).arg(0))));
            } else if (ParseNodes.isRule(arg, Rule.arglist_dbl_star)) {
                throw EvalFailure.unsupported("'**' arguments are not evaluated in manifests (no dicts)");
            } else {
                if (!keywords.isEmpty()) {
                    throw new EvalFailure(ManifestErrorKind.SYNTAX, "positional argument follows keyword argument");
                }
                positional.add(eval(arg));
            }
        }
        if (!(callee instanceof ManifestValue.Function f)) {
            throw EvalFailure.typeError("'" + callee.typeName() + "' object is not callable");
        }
        return f.body().call(f.signature().bind(positional, keywords), site);
    }

    private static ManifestValue attribute(ManifestValue v, String name) {
        if (v instanceof ManifestValue.Attributes a) {
            ManifestValue value = a.attribute(name);
            if (value != null) {
                return value;
            }
        } else if (v instanceof Str s && name.equals("format")) {
            return new ManifestValue.Function("format", Signature.of("format").varPositional().varKeywords(),
                    (args, call) -> new Str(StringFormatting.format(s.text(), args.extraPositional(),
                            args.extraKeywords())));
        }
        throw new EvalFailure(ManifestErrorKind.UNKNOWN_NAME, "'" + v.typeName() + "' object has no attribute '"
                + name + "'" + (v instanceof Str ? " (of str's methods, manifests can use format)" : ""));
    }

    private ManifestValue index(ManifestValue v, ParseNode subscript) {
        if (subscript instanceof RuleNode r && (r.rule() == Rule.subscript_2 || r.rule() == Rule.subscript_3
                || r.rule() == Rule.subscriptlist)) {
            throw EvalFailure.unsupported("slices are not evaluated in manifests");
        }
        ManifestValue key = eval(subscript);
        List<ManifestValue> items = v instanceof Sequence || v instanceof Str ? iterate(v) : null;
        if (items == null) {
            throw EvalFailure.typeError("'" + v.typeName() + "' object is not subscriptable");
        }
        if (!(key instanceof Int i)) {
            throw EvalFailure.typeError(v.typeName() + " indices must be integers, not " + key.typeName());
        }
        long n = i.value().signum() < 0 ? i.value().longValue() + items.size() : i.value().longValue();
        if (i.value().bitLength() > 31 || n < 0 || n >= items.size()) {
            throw EvalFailure.badArgument(v.typeName() + " index out of range");
        }
        return items.get((int) n);
    }

    // Positions.

    /** The column in characters of a node's first token ({@link ManifestParser#column}). */
    private int column(ParseNode pn) {
        return ManifestParser.column(source, ParseNodes.line(pn), ParseNodes.offset(pn));
    }

    private void mark(int line, int column) {
        if (line > 0) {
            lastLine = line;
            lastColumn = column;
        }
    }

    private ManifestError error(EvalFailure f, ParseNode at) {
        int line = ParseNodes.line(at);
        int column = ParseNodes.line(at) > 0 ? column(at) : 0;
        if (line <= 0) {
            line = lastLine;
            column = lastColumn;
            if (at instanceof ParseNode.Id id) {
                if (names == null) {
                    names = new NamePositions(source);
                }
                int[] pos = names.find(id.name(), lastLine, lastColumn);
                if (pos != null) {
                    line = pos[0];
                    column = pos[1];
                }
            }
        }
        return new ManifestError(f.kind(), f.getMessage(), new ManifestOrigin(manifest, line, column));
    }

    /** Text of a byte string from the parser (identifiers and literals are UTF-8 bytes). */
    private static String text(String byteString) {
        return ByteStrings.toText(byteString);
    }
}
