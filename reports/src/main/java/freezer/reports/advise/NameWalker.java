package freezer.reports.advise;

import freezer.core.lexer.TokenKind;
import freezer.core.parse.ParseNode;
import freezer.core.parse.ParseNodes;
import freezer.core.parse.Rule;
import freezer.core.parse.RuleNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Walks a module's parse tree once, in source order, and records every identifier with its
 * scope, its role and, for reads, how the value is used; the scopes follow Python's rules as
 * py/scope.c and compile.c apply them (comprehensions and lambdas are scopes, class bodies do
 * not enclose their methods, {@code :=} binds in the enclosing function).
 *
 * <p>The tree is the parser's, so rules with one part are already collapsed (a one-item list is
 * its item) and const() names are already replaced by their values. Identifiers are visited in
 * the order the source spells them, so the n-th occurrence of a name here is its n-th NAME token.
 */
final class NameWalker {
    /** Builtins that make a module's names reachable by string: advice about names stops there. */
    private static final Set<String> DYNAMIC = Set.of("globals", "locals", "vars", "exec", "eval");

    private final NameScope module = new NameScope(NameScope.Kind.MODULE, "<module>", null, null, -1);
    private final List<Occurrence> all = new ArrayList<>();
    private final List<ImportStatement> imports = new ArrayList<>();
    private final List<RuleNode> topLevel = new ArrayList<>();
    private boolean starImport;
    private boolean dynamic;

    private NameScope scope = module;
    private Loop loop;
    private RuleNode statement;
    private int topIndex = -1;

    /**
     * What a walk found.
     *
     * @param topLevelStatements the module's statements ({@code a; b} split); null for one that is a bare leaf
     */
    record Result(NameScope module, List<Occurrence> occurrences, List<ImportStatement> imports,
            List<RuleNode> topLevelStatements, boolean starImport, boolean dynamic) {
    }

    static Result walk(ParseNode root) {
        NameWalker w = new NameWalker();
        w.module(root);
        for (Occurrence o : w.all) {
            if (o.role() == NameRole.READ && DYNAMIC.contains(o.name()) && o.scope().readsGlobal(o.name())) {
                w.dynamic = true;
            }
        }
        return new Result(w.module, List.copyOf(w.all), List.copyOf(w.imports),
                Collections.unmodifiableList(new ArrayList<>(w.topLevel)),
                w.starImport, w.dynamic);
    }

    private void module(ParseNode root) {
        List<ParseNode> statements = new ArrayList<>();
        ParseShapes.flatten(root, statements);
        for (ParseNode s : statements) {
            topIndex++;
            topLevel.add(s instanceof RuleNode r ? r : null);
            stmt(s);
        }
    }


    // Recording.

    private Occurrence record(ParseNode id, NameRole role, ReadContext context, ParseNode value) {
        return record(id, role, context, value, scope);
    }

    private Occurrence record(ParseNode id, NameRole role, ReadContext context, ParseNode value, NameScope in) {
        String name = ((ParseNode.Id) id).name();
        boolean unconditional = in == module && statement != null && topIndex >= 0
                && statement == topLevel.get(topIndex);
        Occurrence o = new Occurrence(name, role, context, in, in == scope ? loop : null, statement, topIndex,
                unconditional, value);
        in.add(o);
        all.add(o);
        return o;
    }

    // Statements.

    private void stmt(ParseNode pn) {
        if (!(pn instanceof RuleNode r)) {
            expr(pn);
            return;
        }
        RuleNode outerStatement = statement;
        if (r.rule() != Rule.file_input_2 && r.rule() != Rule.simple_stmt_2 && r.rule() != Rule.suite_block_stmts) {
            statement = r;
        }
        try {
            switch (r.rule()) {
                case file_input_2, simple_stmt_2, suite_block_stmts -> {
                    for (int i = 0; i < r.size(); i++) {
                        stmt(r.arg(i));
                    }
                }
                case expr_stmt -> exprStmt(r);
                case del_stmt -> {
                    for (ParseNode t : ParseNodes.extractList(r.arg(0), Rule.exprlist)) {
                        target(t, NameRole.DELETE, null);
                    }
                }
                case pass_stmt, break_stmt, continue_stmt -> {
                }
                case yield_stmt -> {
                    scope.markGenerator();
                    expr(r.arg(0));
                }
                case import_name -> importName(r);
                case import_from -> importFrom(r);
                case global_stmt, nonlocal_stmt -> declare(r);
                case if_stmt -> ifStmt(r);
                case while_stmt -> whileStmt(r, r);
                case for_stmt -> forStmt(r, r);
                case try_stmt -> {
                    stmt(r.arg(0));
                    tryTail(r.arg(1));
                }
                case with_stmt -> withStmt(r);
                case funcdef -> funcdef(r, false);
                case classdef -> classdef(r);
                case decorated -> decorated(r);
                case async_stmt -> asyncStmt(r);
                default -> expr(r);
            }
        } finally {
            statement = outerStatement;
        }
    }

    private void exprStmt(RuleNode r) {
        ParseNode lhs = r.arg(0);
        ParseNode rhs = r.arg(1);
        if (rhs == null) {
            expr(lhs);
        } else if (ParseNodes.isRule(rhs, Rule.annassign)) {
            RuleNode ann = (RuleNode) rhs;
            ParseNode value = ann.arg(1);
            if (value != null) {
                target(lhs, NameRole.STORE, value);
            } else if (lhs instanceof ParseNode.Id && scope.kind() == NameScope.Kind.FUNCTION) {
                // "x: T" makes x a local of a function (compile.c), though nothing is stored
                record(lhs, NameRole.STORE, ReadContext.PLAIN, null);
            } else if (lhs instanceof ParseNode.Id) {
                record(lhs, NameRole.ANNOTATION, ReadContext.PLAIN, null);
            } else {
                expr(lhs);
            }
            annotation(ann.arg(0));
            expr(value);
        } else if (ParseNodes.isRule(rhs, Rule.expr_stmt_augassign)) {
            target(lhs, NameRole.AUG_STORE, null);
            expr(((RuleNode) rhs).arg(1));
        } else if (ParseNodes.isRule(rhs, Rule.expr_stmt_assign_list)) {
            RuleNode list = (RuleNode) rhs;
            target(lhs, NameRole.STORE, null);
            for (int i = 0; i < list.size() - 1; i++) {
                target(list.arg(i), NameRole.STORE, null);
            }
            expr(list.arg(list.size() - 1));
        } else {
            target(lhs, NameRole.STORE, rhs);
            expr(rhs);
        }
    }

    /** An assignment or delete target. */
    private void target(ParseNode pn, NameRole role, ParseNode value) {
        if (pn instanceof ParseNode.Id) {
            record(pn, role, ReadContext.PLAIN, value);
        } else if (pn instanceof RuleNode r) {
            switch (r.rule()) {
                case atom_expr_normal -> atomExpr(r, true);
                case testlist_star_expr, exprlist, testlist_comp -> {
                    for (int i = 0; i < r.size(); i++) {
                        target(r.arg(i), role, null);
                    }
                }
                case atom_paren, atom_bracket -> target(r.arg(0), role, null);
                case star_expr -> target(r.arg(0), role, null);
                default -> expr(r);
            }
        }
    }

    private void annotation(ParseNode pn) {
        if (pn instanceof ParseNode.Id) {
            record(pn, NameRole.ANNOTATION, ReadContext.PLAIN, null);
        } else if (pn instanceof RuleNode r) {
            for (int i = 0; i < r.size(); i++) {
                annotation(r.arg(i));
            }
        }
    }

    private void importName(RuleNode r) {
        for (ParseNode item : ParseNodes.extractList(r.arg(0), Rule.dotted_as_names)) {
            ParseNode path = item;
            ParseNode alias = null;
            if (ParseNodes.isRule(item, Rule.dotted_as_name)) {
                path = ((RuleNode) item).arg(0);
                alias = ((RuleNode) item).arg(1);
            }
            ParseNode[] parts = ParseNodes.extractList(path, Rule.dotted_name);
            for (int i = 0; i < parts.length; i++) {
                // "import a.b" binds a; "import a.b as c" binds c
                record(parts[i], alias == null && i == 0 ? NameRole.IMPORT : NameRole.IMPORT_PATH, ReadContext.PLAIN,
                        null);
            }
            if (alias != null) {
                record(alias, NameRole.IMPORT, ReadContext.PLAIN, null);
            }
            imports.add(new ImportStatement(false, 0, ParseShapes.dotted(parts), List.of()));
        }
    }

    private void importFrom(RuleNode r) {
        ParseNode source = r.arg(0);
        int level = 0;
        ParseNode dots = null;
        if (source instanceof ParseNode.Tok || ParseNodes.isRule(source, Rule.one_or_more_period_or_ellipsis)) {
            dots = source;
            source = null;
        } else if (ParseNodes.isRule(source, Rule.import_from_2b)) {
            dots = ((RuleNode) source).arg(0);
            source = ((RuleNode) source).arg(1);
        }
        for (ParseNode d : ParseNodes.extractList(dots, Rule.one_or_more_period_or_ellipsis)) {
            level += ParseNodes.isToken(d, TokenKind.DEL_PERIOD) ? 1 : 3;
        }
        ParseNode[] parts = ParseNodes.extractList(source, Rule.dotted_name);
        for (ParseNode p : parts) {
            record(p, NameRole.IMPORT_PATH, ReadContext.PLAIN, null);
        }
        List<String> names = new ArrayList<>();
        if (ParseNodes.isToken(r.arg(1), TokenKind.OP_STAR)) {
            names.add("*");
            if (scope == module) {
                starImport = true;
            }
        } else {
            for (ParseNode n : ParseNodes.extractList(r.arg(1), Rule.import_as_names)) {
                RuleNode item = (RuleNode) n;
                names.add(((ParseNode.Id) item.arg(0)).name());
                if (item.arg(1) == null) {
                    record(item.arg(0), NameRole.IMPORT, ReadContext.PLAIN, null);
                } else {
                    record(item.arg(0), NameRole.IMPORT_SOURCE, ReadContext.PLAIN, null);
                    record(item.arg(1), NameRole.IMPORT, ReadContext.PLAIN, null);
                }
            }
        }
        imports.add(new ImportStatement(true, level, ParseShapes.dotted(parts), names));
    }


    private void declare(RuleNode r) {
        boolean global = r.rule() == Rule.global_stmt;
        for (ParseNode n : ParseNodes.extractList(r.arg(0), Rule.name_list)) {
            String name = ((ParseNode.Id) n).name();
            if (global) {
                scope.declareGlobal(name);
            } else {
                scope.declareNonlocal(name);
            }
            record(n, global ? NameRole.GLOBAL_DECL : NameRole.NONLOCAL_DECL, ReadContext.PLAIN, null);
        }
    }

    private void ifStmt(RuleNode r) {
        expr(r.arg(0));
        stmt(r.arg(1));
        for (ParseNode elif : ParseNodes.extractList(r.arg(2), Rule.if_stmt_elif_list)) {
            RuleNode e = (RuleNode) elif;
            expr(e.arg(0));
            stmt(e.arg(1));
        }
        stmt(r.arg(3));
    }

    private void whileStmt(RuleNode r, RuleNode start) {
        Loop outer = loop;
        loop = new Loop(r, start, outer);
        expr(r.arg(0));
        stmt(r.arg(1));
        loop = outer;
        stmt(r.arg(2));
    }

    private void forStmt(RuleNode r, RuleNode start) {
        Loop outer = loop;
        Loop inner = new Loop(r, start, outer);
        loop = inner;
        target(r.arg(0), NameRole.STORE, null);
        loop = outer;
        if (ParseShapes.isCounterLoop(r)) {
            RuleNode call = (RuleNode) r.arg(1);
            record(call.arg(0), NameRole.READ, ReadContext.RANGE_LOOP, null);
            arguments(((RuleNode) call.arg(1)).arg(0));
        } else {
            iterable(r.arg(1));
        }
        loop = inner;
        stmt(r.arg(2));
        loop = outer;
        stmt(r.arg(3));
    }


    private void iterable(ParseNode pn) {
        if (pn instanceof ParseNode.Id) {
            record(pn, NameRole.READ, ReadContext.ITERATED, null);
        } else {
            expr(pn);
        }
    }

    /** What follows a try's body: except clauses, else, finally, in their collapsed shapes. */
    private void tryTail(ParseNode pn) {
        if (!(pn instanceof RuleNode r)) {
            stmt(pn);
            return;
        }
        switch (r.rule()) {
            case try_stmt_finally -> stmt(r.arg(0));
            case try_stmt_except_and_more -> {
                tryTail(r.arg(0));
                stmt(r.arg(1));
                tryTail(r.arg(2));
            }
            case try_stmt_except_list -> {
                for (int i = 0; i < r.size(); i++) {
                    tryTail(r.arg(i));
                }
            }
            case try_stmt_except -> {
                ParseNode what = r.arg(0);
                if (ParseNodes.isRule(what, Rule.try_stmt_as_name)) {
                    RuleNode as = (RuleNode) what;
                    expr(as.arg(0));
                    record(as.arg(1), NameRole.STORE, ReadContext.PLAIN, null);
                } else {
                    expr(what);
                }
                stmt(r.arg(1));
            }
            default -> stmt(r);
        }
    }

    private void withStmt(RuleNode r) {
        for (ParseNode item : ParseNodes.extractList(r.arg(0), Rule.with_stmt_list)) {
            if (ParseNodes.isRule(item, Rule.with_item)) {
                expr(((RuleNode) item).arg(0));
                target(((RuleNode) item).arg(1), NameRole.STORE, null);
            } else {
                expr(item);
            }
        }
        stmt(r.arg(1));
    }

    private void asyncStmt(RuleNode r) {
        ParseNode inner = r.arg(0);
        if (ParseNodes.isRule(inner, Rule.funcdef)) {
            funcdef((RuleNode) inner, true);
        } else if (ParseNodes.isRule(inner, Rule.for_stmt)) {
            // async for and async with only appear in coroutines
            scope.markGenerator();
            forStmt((RuleNode) inner, r);
        } else if (ParseNodes.isRule(inner, Rule.with_stmt)) {
            scope.markGenerator();
            withStmt((RuleNode) inner);
        } else {
            stmt(inner);
        }
    }

    // Definitions.

    private void decorated(RuleNode r) {
        for (ParseNode d : ParseNodes.extractList(r.arg(0), Rule.decorators)) {
            RuleNode dec = (RuleNode) d;
            ParseNode[] path = ParseNodes.extractList(dec.arg(0), Rule.dotted_name);
            for (int i = 0; i < path.length; i++) {
                if (i == 0) {
                    record(path[i], NameRole.READ, path.length > 1 ? ReadContext.ATTRIBUTE_BASE
                            : ReadContext.CALLED, null);
                } else {
                    record(path[i], NameRole.ATTRIBUTE, ReadContext.PLAIN, null);
                }
            }
            if (dec.arg(1) instanceof RuleNode call) {
                arguments(call.arg(0));
            }
        }
        ParseNode body = r.arg(1);
        if (ParseNodes.isRule(body, Rule.async_funcdef)) {
            funcdef((RuleNode) ((RuleNode) body).arg(0), true);
        } else if (ParseNodes.isRule(body, Rule.funcdef)) {
            funcdef((RuleNode) body, false);
        } else if (ParseNodes.isRule(body, Rule.classdef)) {
            classdef((RuleNode) body);
        } else {
            stmt(body);
        }
    }

    private void funcdef(RuleNode r, boolean async) {
        record(r.arg(0), NameRole.DEF, ReadContext.PLAIN, null);
        NameScope outer = scope;
        NameScope fn = new NameScope(NameScope.Kind.FUNCTION, ((ParseNode.Id) r.arg(0)).name(), outer, r,
                scope == module ? topIndex : outer.topLevel());
        if (async) {
            fn.markGenerator();
        }
        for (ParseNode p : ParseNodes.extractList(r.arg(1), Rule.typedargslist)) {
            parameter(p, fn, outer);
        }
        annotation(r.arg(2));
        body(fn, r.arg(3));
    }

    /** One parameter: its name is the function's, its default is evaluated outside, its annotation not at all. */
    private void parameter(ParseNode p, NameScope fn, NameScope outer) {
        if (p instanceof ParseNode.Id) {
            record(p, NameRole.PARAM, ReadContext.PLAIN, null, fn);
            return;
        }
        if (!(p instanceof RuleNode r)) {
            return;
        }
        switch (r.rule()) {
            case typedargslist_name -> {
                record(r.arg(0), NameRole.PARAM, ReadContext.PLAIN, null, fn);
                annotation(r.arg(1));
                expr(r.arg(2));
            }
            case varargslist_name -> {
                record(r.arg(0), NameRole.PARAM, ReadContext.PLAIN, null, fn);
                expr(r.arg(1));
            }
            case typedargslist_star, varargslist_star, typedargslist_dbl_star, varargslist_dbl_star, tfpdef -> {
                for (int i = 0; i < r.size(); i++) {
                    if (r.arg(i) instanceof ParseNode.Id && i == 0) {
                        record(r.arg(i), NameRole.PARAM, ReadContext.PLAIN, null, fn);
                    } else if (ParseNodes.isRule(r.arg(i), Rule.tfpdef)) {
                        parameter(r.arg(i), fn, outer);
                    } else {
                        annotation(r.arg(i));
                    }
                }
            }
            default -> expr(r);
        }
    }

    /** Walks a function's or class's body in its own scope, outside any loop of the enclosing one. */
    private void body(NameScope inner, ParseNode suite) {
        NameScope outer = scope;
        Loop outerLoop = loop;
        scope = inner;
        loop = null;
        stmt(suite);
        scope = outer;
        loop = outerLoop;
    }

    private void classdef(RuleNode r) {
        record(r.arg(0), NameRole.CLASS, ReadContext.PLAIN, null);
        arguments(r.arg(1));
        NameScope cls = new NameScope(NameScope.Kind.CLASS, ((ParseNode.Id) r.arg(0)).name(), scope, r,
                scope == module ? topIndex : scope.topLevel());
        body(cls, r.arg(2));
    }

    private void lambda(RuleNode r) {
        NameScope outer = scope;
        NameScope fn = new NameScope(NameScope.Kind.LAMBDA, "<lambda>", outer, r,
                scope == module ? topIndex : outer.topLevel());
        for (ParseNode p : ParseNodes.extractList(r.arg(0), Rule.varargslist)) {
            parameter(p, fn, outer);
        }
        NameScope saved = scope;
        Loop savedLoop = loop;
        scope = fn;
        loop = null;
        expr(r.arg(1));
        scope = saved;
        loop = savedLoop;
    }

    /**
     * A comprehension: its element and conditions are its own scope, its first iterable is
     * evaluated outside (compile.c compile_comprehension), in that source order.
     */
    private void comprehension(RuleNode owner, ParseNode element, RuleNode compFor) {
        NameScope outer = scope;
        Loop outerLoop = loop;
        NameScope comp = new NameScope(NameScope.Kind.COMPREHENSION, "<comprehension>", outer, owner,
                scope == module ? topIndex : outer.topLevel());
        scope = comp;
        loop = null;
        expr(element);
        target(compFor.arg(0), NameRole.STORE, null);
        scope = outer;
        loop = outerLoop;
        iterable(compFor.arg(1));
        scope = comp;
        loop = null;
        compIter(compFor.arg(2));
        scope = outer;
        loop = outerLoop;
    }

    private void compIter(ParseNode pn) {
        if (ParseNodes.isRule(pn, Rule.comp_for)) {
            RuleNode r = (RuleNode) pn;
            target(r.arg(0), NameRole.STORE, null);
            iterable(r.arg(1));
            compIter(r.arg(2));
        } else if (ParseNodes.isRule(pn, Rule.comp_if)) {
            RuleNode r = (RuleNode) pn;
            expr(r.arg(0));
            compIter(r.arg(1));
        }
    }

    // Expressions.

    private void expr(ParseNode pn) {
        if (pn instanceof ParseNode.Id) {
            record(pn, NameRole.READ, ReadContext.PLAIN, null);
            return;
        }
        if (!(pn instanceof RuleNode r)) {
            return;
        }
        switch (r.rule()) {
            case atom_expr_normal -> atomExpr(r, false);
            case atom_expr_await -> {
                scope.markGenerator();
                atomExpr(r, false);
            }
            case comparison -> comparison(r);
            case lambdef, lambdef_nocond -> lambda(r);
            case testlist_comp, dictorsetmaker -> {
                if (r.size() == 2 && ParseNodes.isRule(r.arg(1), Rule.comp_for)) {
                    comprehension(r, r.arg(0), (RuleNode) r.arg(1));
                } else {
                    children(r);
                }
            }
            case argument -> argument(r);
            case namedexpr_test -> {
                record(r.arg(0), NameRole.STORE, ReadContext.PLAIN, null, walrusScope());
                expr(r.arg(1));
            }
            case yield_expr -> {
                scope.markGenerator();
                children(r);
            }
            default -> children(r);
        }
    }

    private void children(RuleNode r) {
        for (int i = 0; i < r.size(); i++) {
            expr(r.arg(i));
        }
    }

    /** {@code :=} in a comprehension binds in the nearest enclosing scope that is not one. */
    private NameScope walrusScope() {
        NameScope s = scope;
        while (s.kind() == NameScope.Kind.COMPREHENSION) {
            s = s.parent();
        }
        return s;
    }

    private void argument(RuleNode r) {
        if (ParseNodes.isRule(r.arg(1), Rule.comp_for)) {
            comprehension(r, r.arg(0), (RuleNode) r.arg(1));
        } else if (ParseNodes.isRule(r.arg(1), Rule.argument_3)) {
            record(r.arg(0), NameRole.STORE, ReadContext.PLAIN, null, walrusScope());
            expr(((RuleNode) r.arg(1)).arg(0));
        } else {
            if (r.arg(0) instanceof ParseNode.Id) {
                record(r.arg(0), NameRole.KEYWORD, ReadContext.PLAIN, null);
            } else {
                expr(r.arg(0));
            }
            expr(r.arg(1));
        }
    }

    private void arguments(ParseNode list) {
        for (ParseNode a : ParseNodes.extractList(list, Rule.arglist)) {
            expr(a);
        }
    }

    private void comparison(RuleNode r) {
        for (int i = 0; i < r.size(); i++) {
            ParseNode operand = r.arg(i);
            boolean membership = i > 0 && (ParseNodes.isToken(r.arg(i - 1), TokenKind.KW_IN)
                    || ParseNodes.isRule(r.arg(i - 1), Rule.comp_op_not_in));
            if (membership && operand instanceof ParseNode.Id) {
                record(operand, NameRole.READ, ReadContext.MEMBERSHIP, null);
            } else {
                expr(operand);
            }
        }
    }

    /**
     * {@code base trailer...}: a call, an index, an attribute, or a chain of them; as a target,
     * the last trailer is what is stored to.
     */
    private void atomExpr(RuleNode r, boolean asTarget) {
        ParseNode base = r.arg(0);
        ParseNode[] trailers = ParseNodes.extractList(r.arg(1), Rule.atom_expr_trailers);
        if (base instanceof ParseNode.Id id) {
            record(base, NameRole.READ, ParseShapes.baseContext(trailers, asTarget), null);
            if (id.name().equals("len") && trailers.length >= 1 && ParseShapes.isCallWithOneName(trailers[0])) {
                // len(name): the one argument is recorded here, with its own context
                record(((RuleNode) trailers[0]).arg(0), NameRole.READ, ReadContext.LEN_ARGUMENT, null);
                trailers(trailers, 1, asTarget);
                return;
            }
        } else {
            expr(base);
        }
        trailers(trailers, 0, asTarget);
    }

    private void trailers(ParseNode[] trailers, int from, boolean asTarget) {
        for (int i = from; i < trailers.length; i++) {
            RuleNode t = (RuleNode) trailers[i];
            switch (t.rule()) {
                case trailer_period -> record(t.arg(0), NameRole.ATTRIBUTE,
                        asTarget && i == trailers.length - 1 ? ReadContext.ATTRIBUTE_TARGET : ReadContext.PLAIN, null);
                case trailer_paren -> arguments(t.arg(0));
                default -> expr(t.arg(0));
            }
        }
    }



}
