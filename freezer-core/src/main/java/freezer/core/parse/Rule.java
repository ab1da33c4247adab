package freezer.core.parse;

import freezer.core.lexer.TokenKind;
import java.util.EnumSet;

/**
 * MicroPython's grammar (py/grammar.h, as mpy-cross configures it: async/await, := , slices and
 * sets on), one constant per rule. Each rule is an OR of alternatives, an AND of parts or a LIST
 * of items; a part is a token kind (upper case), a rule (lower case) or an optional rule (in
 * brackets). The {@link Parser} is driven by this table alone.
 *
 * <p>Rule kinds as parse.c acts on them: AND_IDENT rules with one non-empty part are replaced by
 * that part; AND_BLANK rules get an extra empty slot where the compiler keeps the rule's scope;
 * ONE_OR_MORE is {@code item+}, LIST is {@code item (sep item)*}, LIST_WITH_END also allows a
 * trailing separator.
 */
public enum Rule {
    generic_colon_test(Kind.AND_IDENT, "DEL_COLON", "test"),
    generic_equal_test(Kind.AND_IDENT, "DEL_EQUAL", "test"),
    single_input(Kind.OR, "NEWLINE", "simple_stmt", "compound_stmt"),
    file_input(Kind.AND_IDENT, "[file_input_2]"),
    file_input_2(Kind.ONE_OR_MORE, "file_input_3"),
    file_input_3(Kind.OR, "NEWLINE", "stmt"),
    eval_input(Kind.AND_IDENT, "testlist", "[eval_input_2]"),
    eval_input_2(Kind.AND, "NEWLINE"),
    decorator(Kind.AND, "OP_AT", "dotted_name", "[trailer_paren]", "NEWLINE"),
    decorators(Kind.ONE_OR_MORE, "decorator"),
    decorated(Kind.AND_IDENT, "decorators", "decorated_body"),
    decorated_body(Kind.OR, "classdef", "funcdef", "async_funcdef"),
    async_funcdef(Kind.AND, "KW_ASYNC", "funcdef"),
    funcdef(Kind.AND_BLANK, "KW_DEF", "NAME", "DEL_PAREN_OPEN", "[typedargslist]", "DEL_PAREN_CLOSE", "[funcdefrettype]", "DEL_COLON", "suite"),
    funcdefrettype(Kind.AND_IDENT, "DEL_MINUS_MORE", "test"),
    typedargslist(Kind.LIST_WITH_END, "typedargslist_item", "DEL_COMMA"),
    typedargslist_item(Kind.OR, "typedargslist_name", "typedargslist_star", "typedargslist_dbl_star"),
    typedargslist_name(Kind.AND_IDENT, "NAME", "[generic_colon_test]", "[generic_equal_test]"),
    typedargslist_star(Kind.AND, "OP_STAR", "[tfpdef]"),
    typedargslist_dbl_star(Kind.AND, "OP_DBL_STAR", "NAME", "[generic_colon_test]"),
    tfpdef(Kind.AND, "NAME", "[generic_colon_test]"),
    varargslist(Kind.LIST_WITH_END, "varargslist_item", "DEL_COMMA"),
    varargslist_item(Kind.OR, "varargslist_name", "varargslist_star", "varargslist_dbl_star"),
    varargslist_name(Kind.AND_IDENT, "NAME", "[generic_equal_test]"),
    varargslist_star(Kind.AND, "OP_STAR", "[vfpdef]"),
    varargslist_dbl_star(Kind.AND, "OP_DBL_STAR", "NAME"),
    vfpdef(Kind.AND_IDENT, "NAME"),
    stmt(Kind.OR, "compound_stmt", "simple_stmt"),
    simple_stmt(Kind.AND_IDENT, "simple_stmt_2", "NEWLINE"),
    simple_stmt_2(Kind.LIST_WITH_END, "small_stmt", "DEL_SEMICOLON"),
    small_stmt(Kind.OR, "del_stmt", "pass_stmt", "flow_stmt", "import_stmt", "global_stmt", "nonlocal_stmt", "assert_stmt", "expr_stmt"),
    expr_stmt(Kind.AND, "testlist_star_expr", "[expr_stmt_2]"),
    expr_stmt_2(Kind.OR, "annassign", "expr_stmt_augassign", "expr_stmt_assign_list"),
    expr_stmt_augassign(Kind.AND_IDENT, "augassign", "expr_stmt_6"),
    expr_stmt_assign_list(Kind.ONE_OR_MORE, "expr_stmt_assign"),
    expr_stmt_assign(Kind.AND_IDENT, "DEL_EQUAL", "expr_stmt_6"),
    expr_stmt_6(Kind.OR, "yield_expr", "testlist_star_expr"),
    testlist_star_expr(Kind.LIST_WITH_END, "testlist_star_expr_2", "DEL_COMMA"),
    testlist_star_expr_2(Kind.OR, "star_expr", "test"),
    annassign(Kind.AND, "DEL_COLON", "test", "[expr_stmt_assign]"),
    augassign(Kind.OR, "DEL_PLUS_EQUAL", "DEL_MINUS_EQUAL", "DEL_STAR_EQUAL", "DEL_AT_EQUAL", "DEL_SLASH_EQUAL", "DEL_PERCENT_EQUAL", "DEL_AMPERSAND_EQUAL", "DEL_PIPE_EQUAL", "DEL_CARET_EQUAL", "DEL_DBL_LESS_EQUAL", "DEL_DBL_MORE_EQUAL", "DEL_DBL_STAR_EQUAL", "DEL_DBL_SLASH_EQUAL"),
    del_stmt(Kind.AND, "KW_DEL", "exprlist"),
    pass_stmt(Kind.AND, "KW_PASS"),
    flow_stmt(Kind.OR, "break_stmt", "continue_stmt", "return_stmt", "raise_stmt", "yield_stmt"),
    break_stmt(Kind.AND, "KW_BREAK"),
    continue_stmt(Kind.AND, "KW_CONTINUE"),
    return_stmt(Kind.AND, "KW_RETURN", "[testlist]"),
    yield_stmt(Kind.AND, "yield_expr"),
    raise_stmt(Kind.AND, "KW_RAISE", "[raise_stmt_arg]"),
    raise_stmt_arg(Kind.AND_IDENT, "test", "[raise_stmt_from]"),
    raise_stmt_from(Kind.AND_IDENT, "KW_FROM", "test"),
    import_stmt(Kind.OR, "import_name", "import_from"),
    import_name(Kind.AND, "KW_IMPORT", "dotted_as_names"),
    import_from(Kind.AND, "KW_FROM", "import_from_2", "KW_IMPORT", "import_from_3"),
    import_from_2(Kind.OR, "dotted_name", "import_from_2b"),
    import_from_2b(Kind.AND_IDENT, "one_or_more_period_or_ellipsis", "[dotted_name]"),
    import_from_3(Kind.OR, "OP_STAR", "import_as_names_paren", "import_as_names"),
    import_as_names_paren(Kind.AND_IDENT, "DEL_PAREN_OPEN", "import_as_names", "DEL_PAREN_CLOSE"),
    one_or_more_period_or_ellipsis(Kind.ONE_OR_MORE, "period_or_ellipsis"),
    period_or_ellipsis(Kind.OR, "DEL_PERIOD", "ELLIPSIS"),
    import_as_name(Kind.AND, "NAME", "[as_name]"),
    dotted_as_name(Kind.AND_IDENT, "dotted_name", "[as_name]"),
    as_name(Kind.AND_IDENT, "KW_AS", "NAME"),
    import_as_names(Kind.LIST_WITH_END, "import_as_name", "DEL_COMMA"),
    dotted_as_names(Kind.LIST, "dotted_as_name", "DEL_COMMA"),
    dotted_name(Kind.LIST, "NAME", "DEL_PERIOD"),
    global_stmt(Kind.AND, "KW_GLOBAL", "name_list"),
    nonlocal_stmt(Kind.AND, "KW_NONLOCAL", "name_list"),
    name_list(Kind.LIST, "NAME", "DEL_COMMA"),
    assert_stmt(Kind.AND, "KW_ASSERT", "test", "[assert_stmt_extra]"),
    assert_stmt_extra(Kind.AND_IDENT, "DEL_COMMA", "test"),
    compound_stmt(Kind.OR, "if_stmt", "while_stmt", "for_stmt", "try_stmt", "with_stmt", "funcdef", "classdef", "decorated", "async_stmt"),
    async_stmt(Kind.AND, "KW_ASYNC", "async_stmt_2"),
    async_stmt_2(Kind.OR, "funcdef", "with_stmt", "for_stmt"),
    if_stmt(Kind.AND, "KW_IF", "namedexpr_test", "DEL_COLON", "suite", "[if_stmt_elif_list]", "[else_stmt]"),
    if_stmt_elif_list(Kind.ONE_OR_MORE, "if_stmt_elif"),
    if_stmt_elif(Kind.AND, "KW_ELIF", "namedexpr_test", "DEL_COLON", "suite"),
    while_stmt(Kind.AND, "KW_WHILE", "namedexpr_test", "DEL_COLON", "suite", "[else_stmt]"),
    for_stmt(Kind.AND, "KW_FOR", "exprlist", "KW_IN", "testlist", "DEL_COLON", "suite", "[else_stmt]"),
    try_stmt(Kind.AND, "KW_TRY", "DEL_COLON", "suite", "try_stmt_2"),
    try_stmt_2(Kind.OR, "try_stmt_except_and_more", "try_stmt_finally"),
    try_stmt_except_and_more(Kind.AND_IDENT, "try_stmt_except_list", "[else_stmt]", "[try_stmt_finally]"),
    try_stmt_except(Kind.AND, "KW_EXCEPT", "[try_stmt_as_name]", "DEL_COLON", "suite"),
    try_stmt_as_name(Kind.AND_IDENT, "test", "[as_name]"),
    try_stmt_except_list(Kind.ONE_OR_MORE, "try_stmt_except"),
    try_stmt_finally(Kind.AND, "KW_FINALLY", "DEL_COLON", "suite"),
    else_stmt(Kind.AND_IDENT, "KW_ELSE", "DEL_COLON", "suite"),
    with_stmt(Kind.AND, "KW_WITH", "with_stmt_list", "DEL_COLON", "suite"),
    with_stmt_list(Kind.LIST, "with_item", "DEL_COMMA"),
    with_item(Kind.AND_IDENT, "test", "[with_item_as]"),
    with_item_as(Kind.AND_IDENT, "KW_AS", "expr"),
    suite(Kind.OR, "suite_block", "simple_stmt"),
    suite_block(Kind.AND_IDENT, "NEWLINE", "INDENT", "suite_block_stmts", "DEDENT"),
    suite_block_stmts(Kind.ONE_OR_MORE, "stmt"),
    namedexpr_test(Kind.AND_IDENT, "test", "[namedexpr_test_2]"),
    namedexpr_test_2(Kind.AND_IDENT, "OP_ASSIGN", "test"),
    test(Kind.OR, "lambdef", "test_if_expr"),
    test_if_expr(Kind.AND_IDENT, "or_test", "[test_if_else]"),
    test_if_else(Kind.AND, "KW_IF", "or_test", "KW_ELSE", "test"),
    test_nocond(Kind.OR, "lambdef_nocond", "or_test"),
    lambdef(Kind.AND_BLANK, "KW_LAMBDA", "[varargslist]", "DEL_COLON", "test"),
    lambdef_nocond(Kind.AND_BLANK, "KW_LAMBDA", "[varargslist]", "DEL_COLON", "test_nocond"),
    or_test(Kind.LIST, "and_test", "KW_OR"),
    and_test(Kind.LIST, "not_test", "KW_AND"),
    not_test(Kind.OR, "not_test_2", "comparison"),
    not_test_2(Kind.AND, "KW_NOT", "not_test"),
    comparison(Kind.LIST, "expr", "comp_op"),
    comp_op(Kind.OR, "OP_LESS", "OP_MORE", "OP_DBL_EQUAL", "OP_LESS_EQUAL", "OP_MORE_EQUAL", "OP_NOT_EQUAL", "KW_IN", "comp_op_not_in", "comp_op_is"),
    comp_op_not_in(Kind.AND, "KW_NOT", "KW_IN"),
    comp_op_is(Kind.AND, "KW_IS", "[comp_op_is_not]"),
    comp_op_is_not(Kind.AND, "KW_NOT"),
    star_expr(Kind.AND, "OP_STAR", "expr"),
    expr(Kind.LIST, "xor_expr", "OP_PIPE"),
    xor_expr(Kind.LIST, "and_expr", "OP_CARET"),
    and_expr(Kind.LIST, "shift_expr", "OP_AMPERSAND"),
    shift_expr(Kind.LIST, "arith_expr", "shift_op"),
    shift_op(Kind.OR, "OP_DBL_LESS", "OP_DBL_MORE"),
    arith_expr(Kind.LIST, "term", "arith_op"),
    arith_op(Kind.OR, "OP_PLUS", "OP_MINUS"),
    term(Kind.LIST, "factor", "term_op"),
    term_op(Kind.OR, "OP_STAR", "OP_AT", "OP_SLASH", "OP_PERCENT", "OP_DBL_SLASH"),
    factor(Kind.OR, "factor_2", "power"),
    factor_2(Kind.AND_IDENT, "factor_op", "factor"),
    factor_op(Kind.OR, "OP_PLUS", "OP_MINUS", "OP_TILDE"),
    power(Kind.AND_IDENT, "atom_expr", "[power_dbl_star]"),
    atom_expr(Kind.OR, "atom_expr_await", "atom_expr_normal"),
    atom_expr_await(Kind.AND, "KW_AWAIT", "atom", "[atom_expr_trailers]"),
    atom_expr_normal(Kind.AND_IDENT, "atom", "[atom_expr_trailers]"),
    atom_expr_trailers(Kind.ONE_OR_MORE, "trailer"),
    power_dbl_star(Kind.AND_IDENT, "OP_DBL_STAR", "factor"),
    atom(Kind.OR, "NAME", "INTEGER", "FLOAT_OR_IMAG", "STRING", "BYTES", "ELLIPSIS", "KW_NONE", "KW_TRUE", "KW_FALSE", "atom_paren", "atom_bracket", "atom_brace"),
    atom_paren(Kind.AND, "DEL_PAREN_OPEN", "[atom_2b]", "DEL_PAREN_CLOSE"),
    atom_2b(Kind.OR, "yield_expr", "testlist_comp"),
    atom_bracket(Kind.AND, "DEL_BRACKET_OPEN", "[testlist_comp]", "DEL_BRACKET_CLOSE"),
    atom_brace(Kind.AND, "DEL_BRACE_OPEN", "[dictorsetmaker]", "DEL_BRACE_CLOSE"),
    testlist_comp(Kind.AND_IDENT, "testlist_comp_2", "[testlist_comp_3]"),
    testlist_comp_2(Kind.OR, "star_expr", "namedexpr_test"),
    testlist_comp_3(Kind.OR, "comp_for", "testlist_comp_3b"),
    testlist_comp_3b(Kind.AND_IDENT, "DEL_COMMA", "[testlist_comp_3c]"),
    testlist_comp_3c(Kind.LIST_WITH_END, "testlist_comp_2", "DEL_COMMA"),
    trailer(Kind.OR, "trailer_paren", "trailer_bracket", "trailer_period"),
    trailer_paren(Kind.AND, "DEL_PAREN_OPEN", "[arglist]", "DEL_PAREN_CLOSE"),
    trailer_bracket(Kind.AND, "DEL_BRACKET_OPEN", "subscriptlist", "DEL_BRACKET_CLOSE"),
    trailer_period(Kind.AND, "DEL_PERIOD", "NAME"),
    subscriptlist(Kind.LIST_WITH_END, "subscript", "DEL_COMMA"),
    subscript(Kind.OR, "subscript_3", "subscript_2"),
    subscript_2(Kind.AND_IDENT, "test", "[subscript_3]"),
    subscript_3(Kind.AND, "DEL_COLON", "[subscript_3b]"),
    subscript_3b(Kind.OR, "subscript_3c", "subscript_3d"),
    subscript_3c(Kind.AND, "DEL_COLON", "[test]"),
    subscript_3d(Kind.AND_IDENT, "test", "[sliceop]"),
    sliceop(Kind.AND, "DEL_COLON", "[test]"),
    exprlist(Kind.LIST_WITH_END, "exprlist_2", "DEL_COMMA"),
    exprlist_2(Kind.OR, "star_expr", "expr"),
    testlist(Kind.LIST_WITH_END, "test", "DEL_COMMA"),
    dictorsetmaker(Kind.AND_IDENT, "dictorsetmaker_item", "[dictorsetmaker_tail]"),
    dictorsetmaker_item(Kind.AND_IDENT, "test", "[generic_colon_test]"),
    dictorsetmaker_tail(Kind.OR, "comp_for", "dictorsetmaker_list"),
    dictorsetmaker_list(Kind.AND, "DEL_COMMA", "[dictorsetmaker_list2]"),
    dictorsetmaker_list2(Kind.LIST_WITH_END, "dictorsetmaker_item", "DEL_COMMA"),
    classdef(Kind.AND_BLANK, "KW_CLASS", "NAME", "[classdef_2]", "DEL_COLON", "suite"),
    classdef_2(Kind.AND_IDENT, "DEL_PAREN_OPEN", "[arglist]", "DEL_PAREN_CLOSE"),
    arglist(Kind.LIST_WITH_END, "arglist_2", "DEL_COMMA"),
    arglist_2(Kind.OR, "arglist_star", "arglist_dbl_star", "argument"),
    arglist_star(Kind.AND, "OP_STAR", "test"),
    arglist_dbl_star(Kind.AND, "OP_DBL_STAR", "test"),
    argument(Kind.AND_IDENT, "test", "[argument_2]"),
    argument_2(Kind.OR, "comp_for", "generic_equal_test", "argument_3"),
    argument_3(Kind.AND, "OP_ASSIGN", "test"),
    comp_iter(Kind.OR, "comp_for", "comp_if"),
    comp_for(Kind.AND_BLANK, "KW_FOR", "exprlist", "KW_IN", "or_test", "[comp_iter]"),
    comp_if(Kind.AND, "KW_IF", "test_nocond", "[comp_iter]"),
    yield_expr(Kind.AND, "KW_YIELD", "[yield_arg]"),
    yield_arg(Kind.OR, "yield_arg_from", "testlist"),
    yield_arg_from(Kind.AND, "KW_FROM", "test");

    /** How a rule combines its parts. */
    public enum Kind {
        OR, AND, AND_IDENT, AND_BLANK, ONE_OR_MORE, LIST, LIST_WITH_END;

        boolean isAnd() {
            return this == AND || this == AND_IDENT || this == AND_BLANK;
        }

        boolean isList() {
            return this == ONE_OR_MORE || this == LIST || this == LIST_WITH_END;
        }
    }

    /** One part of a rule: a token to match, or a rule to parse (maybe optional). */
    public record Part(TokenKind token, Rule rule, boolean optional) {
        public boolean isToken() {
            return token != null;
        }

        /** Whether the part could match input that starts with {@code t} (see {@link Rule#mayStartWith}). */
        public boolean mayStartWith(TokenKind t) {
            return isToken() ? token == t : rule.mayStartWith(t);
        }
    }

    private final Kind kind;
    private final String[] spelling;
    private Part[] parts;
    /** The tokens the rule's input can start with, and whether it can match nothing. */
    private EnumSet<TokenKind> first;
    private boolean nullable;
    /** {@link #mayStartWith} by token ordinal: the parser asks it for every alternative it tries. */
    private boolean[] mayStart;
    /** {@link #descent} by token ordinal, filled in as tokens come (most pairs never do). */
    private final Descent[] descents = new Descent[TokenKind.values().length];

    Rule(Kind kind, String... spelling) {
        this.kind = kind;
        this.spelling = spelling;
    }

    static {
        for (Rule r : values()) {
            r.parts = new Part[r.spelling.length];
            for (int i = 0; i < r.spelling.length; i++) {
                r.parts[i] = resolve(r.spelling[i]);
            }
            r.first = EnumSet.noneOf(TokenKind.class);
        }
        computeFirstSets();
        for (Rule r : values()) {
            r.mayStart = new boolean[TokenKind.values().length];
            for (TokenKind t : TokenKind.values()) {
                r.mayStart[t.ordinal()] = r.nullable || r.first.contains(t);
            }
        }
    }

    /** FIRST sets and nullability, by iterating to a fixed point over the table. */
    private static void computeFirstSets() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Rule r : values()) {
                EnumSet<TokenKind> f = EnumSet.copyOf(r.first);
                boolean n;
                if (r.kind == Kind.OR) {
                    n = false;
                    for (Part p : r.parts) {
                        addFirst(f, p);
                        n |= partNullable(p);
                    }
                } else if (r.kind.isAnd()) {
                    n = true;
                    for (Part p : r.parts) {
                        addFirst(f, p);
                        if (!partNullable(p)) {
                            n = false;
                            break;
                        }
                    }
                } else {
                    addFirst(f, r.parts[0]);
                    n = partNullable(r.parts[0]);
                }
                if (!f.equals(r.first) || n != r.nullable) {
                    r.first = f;
                    r.nullable = n;
                    changed = true;
                }
            }
        }
    }

    private static void addFirst(EnumSet<TokenKind> f, Part p) {
        if (p.isToken()) {
            f.add(p.token());
        } else {
            f.addAll(p.rule().first);
        }
    }

    private static boolean partNullable(Part p) {
        return p.optional() || (!p.isToken() && p.rule().nullable);
    }

    /**
     * Whether this rule could match input that starts with {@code token}. A rule that cannot
     * fails at that very token without a trace (nothing consumed, no error), so the parser may
     * skip trying it: a shortcut that changes no outcome.
     */
    public boolean mayStartWith(TokenKind token) {
        return mayStart[token.ordinal()];
    }

    /**
     * The way down from this rule when {@code token} starts it, if the token alone decides it, or
     * {@link Descent#NONE}. Computed once per pair; a race only computes the same value twice.
     */
    Descent descent(TokenKind token) {
        Descent d = descents[token.ordinal()];
        if (d == null) {
            d = Descent.of(this, token);
            descents[token.ordinal()] = d;
        }
        return d;
    }

    private static Part resolve(String s) {
        if (s.startsWith("[")) {
            return new Part(null, valueOf(s.substring(1, s.length() - 1)), true);
        } else if (Character.isUpperCase(s.charAt(0))) {
            return new Part(TokenKind.valueOf(s), null, false);
        } else {
            return new Part(null, valueOf(s), false);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The number of parts (for lists: the item and, if any, the separator). */
    public int size() {
        return parts.length;
    }

    public Part part(int i) {
        return parts[i];
    }
}
