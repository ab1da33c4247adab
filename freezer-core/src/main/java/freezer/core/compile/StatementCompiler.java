package freezer.core.compile;

import freezer.core.CompileError;
import freezer.core.ErrorType;
import freezer.core.bytecode.BinaryOp;
import freezer.core.emit.Emitter;
import freezer.core.lexer.TokenKind;
import freezer.core.parse.InternedStrings;
import freezer.core.parse.ParseNode;
import freezer.core.parse.ParseNodes;
import freezer.core.parse.Rule;
import freezer.core.parse.RuleNode;

/** Simple statements: assignment in all its forms, del, return, raise, import, global, assert. */
final class StatementCompiler {
    private final Compiler c;

    StatementCompiler(Compiler c) {
        this.c = c;
    }

    // Assignment targets.

    /** compile.c c_assign: stores the top of the stack to the target {@code pn}. */
    void assign(ParseNode pn, AssignKind kind) {
        if (pn instanceof ParseNode.Id id) {
            if (kind == AssignKind.AUG_LOAD) {
                c.loadId(id.name());
            } else {
                c.storeId(id.name());
            }
            return;
        }
        if (!(pn instanceof RuleNode pns)) {
            cannotAssign(pn);
            return;
        }
        switch (pns.rule()) {
            case atom_expr_normal -> assignAtomExpr(pns, kind);
            case testlist_star_expr, exprlist -> {
                if (kind != AssignKind.STORE) {
                    cannotAssign(pn);
                    return;
                }
                assignTuple(args(pns));
            }
            case atom_paren -> {
                if (pns.arg(0) == null || kind != AssignKind.STORE) {
                    cannotAssign(pn);
                    return;
                }
                assignTestlistComp(pn, (RuleNode) pns.arg(0));
            }
            case atom_bracket -> {
                if (kind != AssignKind.STORE) {
                    cannotAssign(pn);
                    return;
                }
                ParseNode inner = pns.arg(0);
                if (inner == null) {
                    assignTuple(new ParseNode[0]);
                } else if (ParseNodes.isRule(inner, Rule.testlist_comp)) {
                    assignTestlistComp(pn, (RuleNode) inner);
                } else {
                    assignTuple(new ParseNode[] {inner});
                }
            }
            default -> cannotAssign(pn);
        }
    }

    private void assignTestlistComp(ParseNode target, RuleNode list) {
        if (hasCompFor(list)) {
            cannotAssign(target);
            return;
        }
        assignTuple(args(list));
    }

    private void cannotAssign(ParseNode pn) {
        c.syntaxError(pn, "can't assign to expression");
    }

    /** A subscript or attribute target: {@code a[i] = ...}, {@code a.b.c = ...}. */
    private void assignAtomExpr(RuleNode pns, AssignKind kind) {
        Emitter emit = c.emit;
        if (kind != AssignKind.AUG_STORE) {
            c.compileNode(pns.arg(0));
        }
        if (pns.arg(1) instanceof RuleNode trailer) {
            if (trailer.rule() == Rule.atom_expr_trailers) {
                int n = trailer.size();
                if (kind != AssignKind.AUG_STORE) {
                    for (int i = 0; i < n - 1; i++) {
                        c.compileNode(trailer.arg(i));
                    }
                }
                trailer = (RuleNode) trailer.arg(n - 1);
            }
            if (trailer.rule() == Rule.trailer_bracket) {
                if (kind == AssignKind.AUG_STORE) {
                    emit.rotThree();
                    emit.subscr(Emitter.Access.STORE);
                } else {
                    c.compileNode(trailer.arg(0));
                    if (kind == AssignKind.AUG_LOAD) {
                        emit.dupTopTwo();
                        emit.subscr(Emitter.Access.LOAD);
                    } else {
                        emit.subscr(Emitter.Access.STORE);
                    }
                }
                return;
            } else if (trailer.rule() == Rule.trailer_period) {
                String attr = ((ParseNode.Id) trailer.arg(0)).name();
                if (kind == AssignKind.AUG_LOAD) {
                    emit.dupTop();
                    emit.attr(attr, Emitter.Access.LOAD);
                } else {
                    if (kind == AssignKind.AUG_STORE) {
                        emit.rotTwo();
                    }
                    emit.attr(attr, Emitter.Access.STORE);
                }
                return;
            }
        }
        cannotAssign(pns);
    }

    /** compile.c c_assign_tuple: unpacks into each target, with at most one starred. */
    private void assignTuple(ParseNode[] targets) {
        int star = -1;
        for (int i = 0; i < targets.length; i++) {
            if (ParseNodes.isRule(targets[i], Rule.star_expr)) {
                if (star == -1) {
                    c.emit.unpackEx(i, targets.length - i - 1);
                    star = i;
                } else {
                    c.syntaxError(targets[i], "multiple *x in assignment");
                    return;
                }
            }
        }
        if (star == -1) {
            c.emit.unpackSequence(targets.length);
        }
        for (int i = 0; i < targets.length; i++) {
            if (i == star) {
                assign(((RuleNode) targets[i]).arg(0), AssignKind.STORE);
            } else {
                assign(targets[i], AssignKind.STORE);
            }
        }
    }

    static ParseNode[] args(RuleNode pns) {
        ParseNode[] a = new ParseNode[pns.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = pns.arg(i);
        }
        return a;
    }

    /** compile.c MP_PARSE_NODE_TESTLIST_COMP_HAS_COMP_FOR. */
    static boolean hasCompFor(RuleNode pns) {
        return pns.size() == 2 && ParseNodes.isRule(pns.arg(1), Rule.comp_for);
    }

    // Expression statements.

    void exprStmt(RuleNode pns) {
        Emitter emit = c.emit;
        ParseNode rhs = pns.arg(1);
        if (rhs == null) {
            if (ParseNodes.isConstantLeafOrObject(pns.arg(0))) {
                // a lone constant does nothing
            } else {
                c.compileNode(pns.arg(0));
                emit.popTop();
            }
            return;
        }
        if (rhs instanceof RuleNode r) {
            if (r.rule() == Rule.annassign) {
                if (r.arg(1) == null) {
                    // "x: T" inside a function declares x local; elsewhere it does nothing
                    if (c.scopeCur.kind == ScopeKind.FUNCTION && pns.arg(0) instanceof ParseNode.Id id) {
                        c.scopeCur.findOrAdd(id.name(), IdKind.LOCAL);
                    }
                    return;
                }
                plainAssign(pns.arg(0), r.arg(1));
                return;
            } else if (r.rule() == Rule.expr_stmt_augassign) {
                assign(pns.arg(0), AssignKind.AUG_LOAD);
                c.compileNode(r.arg(1));
                TokenKind tok = ((ParseNode.Tok) r.arg(0)).kind();
                emit.binaryOp(BinaryOp.at(BinaryOp.INPLACE_OR.ordinal()
                        + tok.ordinal() - TokenKind.DEL_PIPE_EQUAL.ordinal()));
                assign(pns.arg(0), AssignKind.AUG_STORE);
                return;
            } else if (r.rule() == Rule.expr_stmt_assign_list) {
                int last = r.size() - 1;
                c.compileNode(r.arg(last));
                // as CPython, the left-most target is stored first
                if (last > 0) {
                    emit.dupTop();
                }
                assign(pns.arg(0), AssignKind.STORE);
                for (int i = 0; i < last; i++) {
                    if (i + 1 < last) {
                        emit.dupTop();
                    }
                    assign(r.arg(i), AssignKind.STORE);
                }
                return;
            }
        }
        plainAssign(pns.arg(0), rhs);
    }

    private void plainAssign(ParseNode lhs, ParseNode rhs) {
        Emitter emit = c.emit;
        // a, b = c, d and a, b, c = d, e, f swap on the stack instead of building a tuple
        if (ParseNodes.isRule(rhs, Rule.testlist_star_expr) && ParseNodes.isRule(lhs, Rule.testlist_star_expr)) {
            RuleNode l = (RuleNode) lhs;
            RuleNode r = (RuleNode) rhs;
            int n = l.size();
            if (n == r.size() && (n == 2 || n == 3) && !ParseNodes.isRule(l.arg(0), Rule.star_expr)
                    && !ParseNodes.isRule(l.arg(1), Rule.star_expr)
                    && (n == 2 || !ParseNodes.isRule(l.arg(2), Rule.star_expr))) {
                c.compileNode(r.arg(0));
                c.compileNode(r.arg(1));
                if (n == 3) {
                    c.compileNode(r.arg(2));
                    emit.rotThree();
                }
                emit.rotTwo();
                assign(l.arg(0), AssignKind.STORE);
                assign(l.arg(1), AssignKind.STORE);
                if (n == 3) {
                    assign(l.arg(2), AssignKind.STORE);
                }
                return;
            }
        }
        c.compileNode(rhs);
        assign(lhs, AssignKind.STORE);
    }

    // del

    void delStmt(RuleNode pns) {
        ParseNode target = pns.arg(0);
        if (ParseNodes.isRule(target, Rule.exprlist)) {
            for (ParseNode t : args((RuleNode) target)) {
                delTarget(t);
            }
        } else if (target != null) {
            delTarget(target);
        }
    }

    private void delTarget(ParseNode pn) {
        if (pn instanceof ParseNode.Id id) {
            c.deleteId(id.name());
            return;
        }
        if (ParseNodes.isRule(pn, Rule.atom_expr_normal)) {
            RuleNode pns = (RuleNode) pn;
            c.compileNode(pns.arg(0));
            if (pns.arg(1) instanceof RuleNode trailer) {
                if (trailer.rule() == Rule.atom_expr_trailers) {
                    int n = trailer.size();
                    for (int i = 0; i < n - 1; i++) {
                        c.compileNode(trailer.arg(i));
                    }
                    trailer = (RuleNode) trailer.arg(n - 1);
                }
                if (trailer.rule() == Rule.trailer_bracket) {
                    c.compileNode(trailer.arg(0));
                    c.emit.subscr(Emitter.Access.DELETE);
                    return;
                } else if (trailer.rule() == Rule.trailer_period) {
                    c.emit.attr(((ParseNode.Id) trailer.arg(0)).name(), Emitter.Access.DELETE);
                    return;
                }
            }
        } else if (ParseNodes.isRule(pn, Rule.atom_paren)) {
            ParseNode inner = ((RuleNode) pn).arg(0);
            if (inner instanceof RuleNode list && !hasCompFor(list)) {
                for (ParseNode t : args(list)) {
                    delTarget(t);
                }
                return;
            }
            // "del ()" names no node; "del (x for x in y)" names the generator
            pn = inner;
        }
        c.syntaxError(pn, "can't delete expression");
    }

    // Flow statements that jump.

    void breakContinueStmt(RuleNode pns) {
        int label = pns.rule() == Rule.break_stmt ? c.breakLabel : c.continueLabel;
        if (label == Compiler.INVALID_LABEL) {
            c.syntaxError(pns, "'break'/'continue' outside loop");
        }
        c.emit.unwindJump(label, c.curExceptLevel - c.breakContinueExceptLevel);
    }

    void returnStmt(RuleNode pns) {
        Emitter emit = c.emit;
        if (c.scopeCur.kind != ScopeKind.FUNCTION) {
            c.syntaxError(pns, "'return' outside function");
            return;
        }
        ParseNode value = pns.arg(0);
        if (value == null) {
            emit.loadConstTok(TokenKind.KW_NONE);
        } else if (ParseNodes.isRule(value, Rule.test_if_expr)) {
            // "return a if c else b" returns from each branch, as CPython does
            RuleNode ifExpr = (RuleNode) value;
            RuleNode ifElse = (RuleNode) ifExpr.arg(1);
            int fail = c.nextLabel();
            c.ifCond(ifElse.arg(0), false, fail);
            c.compileNode(ifExpr.arg(0));
            emit.returnValue();
            emit.labelAssign(fail);
            c.compileNode(ifElse.arg(1));
        } else {
            c.compileNode(value);
        }
        emit.returnValue();
    }

    void yieldStmt(RuleNode pns) {
        c.compileNode(pns.arg(0));
        c.emit.popTop();
    }

    void raiseStmt(RuleNode pns) {
        ParseNode arg = pns.arg(0);
        if (arg == null) {
            c.emit.raiseVarargs(0);
        } else if (ParseNodes.isRule(arg, Rule.raise_stmt_arg)) {
            RuleNode r = (RuleNode) arg;
            c.compileNode(r.arg(0));
            c.compileNode(r.arg(1));
            c.emit.raiseVarargs(2);
        } else {
            c.compileNode(arg);
            c.emit.raiseVarargs(1);
        }
    }

    // import

    /**
     * compile.c do_import_name: imports a (dotted) module name and returns the name to bind:
     * the base of the dotted name, or the alias.
     */
    private String importModuleName(ParseNode pn) {
        String base = null;
        boolean isAs = false;
        if (ParseNodes.isRule(pn, Rule.dotted_as_name)) {
            RuleNode r = (RuleNode) pn;
            base = ((ParseNode.Id) r.arg(1)).name();
            pn = r.arg(0);
            isAs = true;
        }
        if (pn == null) {
            // "from . import x": the empty module name
            c.emit.importName("");
            return "";
        } else if (pn instanceof ParseNode.Id id) {
            c.emit.importName(id.name());
            return isAs ? base : id.name();
        }
        RuleNode dotted = (RuleNode) pn;
        StringBuilder full = new StringBuilder();
        for (int i = 0; i < dotted.size(); i++) {
            if (i > 0) {
                full.append('.');
            }
            full.append(((ParseNode.Id) dotted.arg(i)).name());
        }
        String q = full.toString();
        if (q.length() > InternedStrings.MAX_LENGTH && !c.interned.contains(q)) {
            throw CompileError.withoutLine(ErrorType.RuntimeError, "name too long", c.sourceName(),
                    dotted.line(), dotted.offset());
        }
        c.interned.intern(q);
        c.emit.importName(q);
        if (isAs) {
            // "import a.b.c as d" binds d to a.b.c itself
            for (int i = 1; i < dotted.size(); i++) {
                c.emit.attr(((ParseNode.Id) dotted.arg(i)).name(), Emitter.Access.LOAD);
            }
            return base;
        }
        return ((ParseNode.Id) dotted.arg(0)).name();
    }

    void importName(RuleNode pns) {
        for (ParseNode name : ParseNodes.extractList(pns.arg(0), Rule.dotted_as_names)) {
            c.emit.loadConstSmallInt(0);
            c.emit.loadConstTok(TokenKind.KW_NONE);
            c.storeId(importModuleName(name));
        }
    }

    void importFrom(RuleNode pns) {
        Emitter emit = c.emit;
        ParseNode source = pns.arg(0);
        int level = 0;
        ParseNode rel = null;
        if (source instanceof ParseNode.Tok || ParseNodes.isRule(source, Rule.one_or_more_period_or_ellipsis)) {
            // "from .. import x": dots only
            rel = source;
            source = null;
        } else if (ParseNodes.isRule(source, Rule.import_from_2b)) {
            // "from ..a import x"
            RuleNode r = (RuleNode) source;
            rel = r.arg(0);
            source = r.arg(1);
        }
        if (rel != null) {
            for (ParseNode dot : ParseNodes.extractList(rel, Rule.one_or_more_period_or_ellipsis)) {
                level += ParseNodes.isToken(dot, TokenKind.DEL_PERIOD) ? 1 : 3;
            }
        }

        if (ParseNodes.isToken(pns.arg(1), TokenKind.OP_STAR)) {
            if (c.scopeCur.kind != ScopeKind.MODULE) {
                c.syntaxError(pns, "import * not at module level");
                return;
            }
            emit.loadConstSmallInt(level);
            emit.loadConstStr("*");
            emit.build(1, Emitter.Build.TUPLE);
            importModuleName(source);
            emit.importStar();
            return;
        }

        emit.loadConstSmallInt(level);
        ParseNode[] names = ParseNodes.extractList(pns.arg(1), Rule.import_as_names);
        for (ParseNode n : names) {
            emit.loadConstStr(((ParseNode.Id) ((RuleNode) n).arg(0)).name());
        }
        emit.build(names.length, Emitter.Build.TUPLE);
        importModuleName(source);
        for (ParseNode n : names) {
            RuleNode r = (RuleNode) n;
            String name = ((ParseNode.Id) r.arg(0)).name();
            emit.importFrom(name);
            c.storeId(r.arg(1) == null ? name : ((ParseNode.Id) r.arg(1)).name());
        }
        emit.popTop();
    }

    // global and nonlocal

    void globalNonlocalStmt(RuleNode pns) {
        if (!c.scopePass()) {
            return;
        }
        boolean isGlobal = pns.rule() == Rule.global_stmt;
        if (!isGlobal && c.scopeCur.kind == ScopeKind.MODULE) {
            c.syntaxError(pns, "can't declare nonlocal in outer code");
            return;
        }
        for (ParseNode n : ParseNodes.extractList(pns.arg(0), Rule.name_list)) {
            IdInfo id = c.scopeCur.findOrAdd(((ParseNode.Id) n).name(), IdKind.UNDECIDED);
            declareGlobalOrNonlocal(pns, id, isGlobal);
        }
    }

    void declareGlobalOrNonlocal(ParseNode pn, IdInfo id, boolean isGlobal) {
        if (isGlobal) {
            if (id.kind != IdKind.UNDECIDED && id.kind != IdKind.GLOBAL_EXPLICIT) {
                c.syntaxError(pn, "identifier redefined as global");
                return;
            }
            id.kind = IdKind.GLOBAL_EXPLICIT;
            IdInfo global = c.scopeCur.findGlobal(id.name);
            if (global != null) {
                global.kind = IdKind.GLOBAL_EXPLICIT;
            }
        } else {
            if (id.kind == IdKind.UNDECIDED) {
                id.kind = IdKind.GLOBAL_IMPLICIT;
                c.scopeCur.checkToCloseOver(id);
                if (id.kind == IdKind.GLOBAL_IMPLICIT) {
                    c.syntaxError(pn, "no binding for nonlocal found");
                }
            } else if (id.kind != IdKind.FREE) {
                c.syntaxError(pn, "identifier redefined as nonlocal");
            }
        }
    }

    void assertStmt(RuleNode pns) {
        // -O1 and above drop asserts
        if (c.options.optimisationLevel() != 0) {
            return;
        }
        Emitter emit = c.emit;
        int end = c.nextLabel();
        c.ifCond(pns.arg(0), true, end);
        // a global load, as CPython does, whatever AssertionError means locally
        emit.loadGlobal("AssertionError", true);
        if (pns.arg(1) != null) {
            c.compileNode(pns.arg(1));
            emit.callFunction(1, 0, 0);
        }
        emit.raiseVarargs(1);
        emit.labelAssign(end);
    }
}
