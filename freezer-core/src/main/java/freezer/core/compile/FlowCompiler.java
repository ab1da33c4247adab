package freezer.core.compile;

import freezer.core.bytecode.BinaryOp;
import freezer.core.emit.BytecodeEmitter;
import freezer.core.emit.Emitter;
import freezer.core.lexer.TokenKind;
import freezer.core.parse.ParseNode;
import freezer.core.parse.ParseNodes;
import freezer.core.parse.Rule;
import freezer.core.parse.RuleNode;

/** Compound statements: if, while, for, try, with, and their async forms. */
final class FlowCompiler {
    private final Compiler c;

    FlowCompiler(Compiler c) {
        this.c = c;
    }

    void ifStmt(RuleNode pns) {
        Emitter emit = c.emit;
        int end = c.nextLabel();
        // "if False:" emits nothing at all
        if (!ParseNodes.isConstFalse(pns.arg(0))) {
            int fail = c.nextLabel();
            c.ifCond(pns.arg(0), false, fail);
            c.compileNode(pns.arg(1));
            // "if True:" makes the rest unreachable
            if (ParseNodes.isConstTrue(pns.arg(0))) {
                emit.labelAssign(end);
                return;
            }
            if (!(pns.arg(2) == null && pns.arg(3) == null)) {
                emit.jump(end);
            }
            emit.labelAssign(fail);
        }

        for (ParseNode e : ParseNodes.extractList(pns.arg(2), Rule.if_stmt_elif_list)) {
            RuleNode elif = (RuleNode) e;
            if (!ParseNodes.isConstFalse(elif.arg(0))) {
                int fail = c.nextLabel();
                c.ifCond(elif.arg(0), false, fail);
                c.compileNode(elif.arg(1));
                if (ParseNodes.isConstTrue(elif.arg(0))) {
                    emit.labelAssign(end);
                    return;
                }
                emit.jump(end);
                emit.labelAssign(fail);
            }
        }
        c.compileNode(pns.arg(3));
        emit.labelAssign(end);
    }

    /** The state compile.c's START_BREAK_CONTINUE_BLOCK saves. */
    private record LoopState(int breakLabel, int continueLabel, int exceptLevel) {
    }

    private LoopState startLoop(int breakLabel, int continueLabel) {
        LoopState old = new LoopState(c.breakLabel, c.continueLabel, c.breakContinueExceptLevel);
        c.breakLabel = breakLabel;
        c.continueLabel = continueLabel;
        c.breakContinueExceptLevel = c.curExceptLevel;
        return old;
    }

    private void endLoop(LoopState old) {
        c.breakLabel = old.breakLabel();
        c.continueLabel = old.continueLabel();
        c.breakContinueExceptLevel = old.exceptLevel();
    }

    void whileStmt(RuleNode pns) {
        Emitter emit = c.emit;
        int breakLabel = c.nextLabel();
        int continueLabel = c.nextLabel();
        LoopState old = startLoop(breakLabel, continueLabel);
        if (!ParseNodes.isConstFalse(pns.arg(0))) {
            int top = c.nextLabel();
            // "while True:" needs no jump to the test
            if (!ParseNodes.isConstTrue(pns.arg(0))) {
                emit.jump(continueLabel);
            }
            emit.labelAssign(top);
            c.compileNode(pns.arg(1));
            emit.labelAssign(continueLabel);
            c.ifCond(pns.arg(0), true, top);
        }
        // break and continue in the else block belong to an outer loop
        endLoop(old);
        c.compileNode(pns.arg(2));
        emit.labelAssign(breakLabel);
    }

    void forStmt(RuleNode pns) {
        if (forRange(pns)) {
            return;
        }
        Emitter emit = c.emit;
        int breakLabel = c.nextLabel();
        int continueLabel = c.nextLabel();
        LoopState old = startLoop(breakLabel | BytecodeEmitter.BREAK_FROM_FOR, continueLabel);
        int popLabel = c.nextLabel();
        c.compileNode(pns.arg(1));
        emit.getIter(true);
        emit.labelAssign(continueLabel);
        emit.forIter(popLabel);
        c.statements.assign(pns.arg(0), AssignKind.STORE);
        c.compileNode(pns.arg(2));
        emit.jump(continueLabel);
        emit.labelAssign(popLabel);
        emit.forIterEnd();
        endLoop(old);
        c.compileNode(pns.arg(3));
        emit.labelAssign(breakLabel);
    }

    /**
     * {@code for x in range(...)} with a constant non-zero step compiles to a counter loop,
     * whatever {@code range} is bound to (an upstream quirk the output keeps).
     */
    private boolean forRange(RuleNode pns) {
        if (!(pns.arg(0) instanceof ParseNode.Id) || !ParseNodes.isRule(pns.arg(1), Rule.atom_expr_normal)) {
            return false;
        }
        RuleNode it = (RuleNode) pns.arg(1);
        if (!(it.arg(0) instanceof ParseNode.Id id && id.name().equals("range")
                && ParseNodes.isRule(it.arg(1), Rule.trailer_paren))) {
            return false;
        }
        ParseNode[] args = ParseNodes.extractList(((RuleNode) it.arg(1)).arg(0), Rule.arglist);
        if (args.length < 1 || args.length > 3) {
            return false;
        }
        ParseNode start;
        ParseNode end;
        ParseNode step;
        if (args.length == 1) {
            start = new ParseNode.SmallInt(0);
            end = args[0];
            step = new ParseNode.SmallInt(1);
        } else if (args.length == 2) {
            start = args[0];
            end = args[1];
            step = new ParseNode.SmallInt(1);
        } else {
            start = args[0];
            end = args[1];
            step = args[2];
            if (!(step instanceof ParseNode.SmallInt s) || s.value() == 0) {
                return false;
            }
        }
        if (isSpecialArgument(start) || isSpecialArgument(end)) {
            return false;
        }
        forRangeLoop(pns.arg(0), start, end, (ParseNode.SmallInt) step, pns.arg(2), pns.arg(3));
        return true;
    }

    private static boolean isSpecialArgument(ParseNode pn) {
        return ParseNodes.isRule(pn, Rule.arglist_star) || ParseNodes.isRule(pn, Rule.arglist_dbl_star)
                || ParseNodes.isRule(pn, Rule.argument);
    }

    private void forRangeLoop(ParseNode var, ParseNode start, ParseNode end, ParseNode.SmallInt step,
            ParseNode body, ParseNode orElse) {
        Emitter emit = c.emit;
        int breakLabel = c.nextLabel();
        int continueLabel = c.nextLabel();
        LoopState old = startLoop(breakLabel, continueLabel);
        int top = c.nextLabel();
        int entry = c.nextLabel();

        // a small-int end is compared against directly; anything else stays on the stack
        boolean endOnStack = !(end instanceof ParseNode.SmallInt);
        if (endOnStack) {
            c.compileNode(end);
        }
        c.compileNode(start);
        emit.jump(entry);
        emit.labelAssign(top);
        emit.dupTop();
        c.statements.assign(var, AssignKind.STORE);
        c.compileNode(body);
        emit.labelAssign(continueLabel);
        c.compileNode(step);
        emit.binaryOp(BinaryOp.INPLACE_ADD);
        emit.labelAssign(entry);
        if (endOnStack) {
            emit.dupTopTwo();
            emit.rotTwo();
        } else {
            emit.dupTop();
            c.compileNode(end);
        }
        emit.binaryOp(step.value() >= 0 ? BinaryOp.LESS : BinaryOp.MORE);
        emit.popJumpIf(true, top);
        endLoop(old);

        // the counter (and end) are popped before the else block, which may break or continue
        int endLabel = 0;
        if (orElse != null) {
            emit.popTop();
            if (endOnStack) {
                emit.popTop();
            }
            c.compileNode(orElse);
            endLabel = c.nextLabel();
            emit.jump(endLabel);
            emit.adjustStackSize(1 + (endOnStack ? 1 : 0));
        }
        emit.labelAssign(breakLabel);
        emit.popTop();
        if (endOnStack) {
            emit.popTop();
        }
        if (orElse != null) {
            emit.labelAssign(endLabel);
        }
    }

    // try

    void tryStmt(RuleNode pns) {
        RuleNode rest = (RuleNode) pns.arg(1);
        if (rest.rule() == Rule.try_stmt_finally) {
            tryFinally(pns.arg(0), new ParseNode[0], null, rest.arg(0));
        } else if (rest.rule() == Rule.try_stmt_except_and_more) {
            ParseNode[] excepts = ParseNodes.extractList(rest.arg(0), Rule.try_stmt_except_list);
            if (rest.arg(2) == null) {
                tryExcept(pns.arg(0), excepts, rest.arg(1));
            } else {
                tryFinally(pns.arg(0), excepts, rest.arg(1), ((RuleNode) rest.arg(2)).arg(0));
            }
        } else {
            tryExcept(pns.arg(0), ParseNodes.extractList(rest, Rule.try_stmt_except_list), null);
        }
    }

    private void tryExcept(ParseNode body, ParseNode[] excepts, ParseNode orElse) {
        Emitter emit = c.emit;
        int handler = c.nextLabel();
        int success = c.nextLabel();
        c.increaseExceptLevel(handler, Emitter.Block.EXCEPT);
        c.compileNode(body);
        emit.popExceptJump(success, false);

        emit.labelAssign(handler);
        emit.startExceptHandler();
        // the exception raised is on the top of the stack
        int end = c.nextLabel();
        for (int i = 0; i < excepts.length; i++) {
            RuleNode except = (RuleNode) excepts[i];
            String boundName = null;
            int endFinally = c.nextLabel();
            if (except.arg(0) == null) {
                if (i + 1 != excepts.length) {
                    c.syntaxError(excepts[i], "default 'except' must be last");
                    c.decreaseExceptLevel();
                    return;
                }
            } else {
                ParseNode match = except.arg(0);
                if (ParseNodes.isRule(match, Rule.try_stmt_as_name)) {
                    RuleNode asName = (RuleNode) match;
                    match = asName.arg(0);
                    boundName = ((ParseNode.Id) asName.arg(1)).name();
                }
                emit.dupTop();
                c.compileNode(match);
                emit.binaryOp(BinaryOp.EXCEPTION_MATCH);
                emit.popJumpIf(false, endFinally);
            }

            if (boundName == null) {
                emit.popTop();
            } else {
                c.storeId(boundName);
            }

            // "except E as e:" wraps its body in try/finally so e is deleted however it exits
            int cleanup = 0;
            if (boundName != null) {
                cleanup = c.nextLabel();
                c.increaseExceptLevel(cleanup, Emitter.Block.FINALLY);
            }
            c.compileNode(except.arg(1));
            if (boundName != null) {
                emit.loadConstTok(TokenKind.KW_NONE);
                emit.labelAssign(cleanup);
                // room for a possible return value
                emit.adjustStackSize(1);
                emit.loadConstTok(TokenKind.KW_NONE);
                c.storeId(boundName);
                c.deleteId(boundName);
                emit.adjustStackSize(-1);
                c.decreaseExceptLevel();
            }
            emit.popExceptJump(end, true);
            emit.labelAssign(endFinally);
            // the exception is on the stack again here
            emit.adjustStackSize(1);
        }
        c.decreaseExceptLevel();
        emit.endExceptHandler();

        emit.labelAssign(success);
        c.compileNode(orElse);
        emit.labelAssign(end);
    }

    private void tryFinally(ParseNode body, ParseNode[] excepts, ParseNode orElse, ParseNode finallyBody) {
        Emitter emit = c.emit;
        int finallyBlock = c.nextLabel();
        c.increaseExceptLevel(finallyBlock, Emitter.Block.FINALLY);
        if (excepts.length == 0) {
            // room for a possible UNWIND_JUMP state
            emit.adjustStackSize(3);
            c.compileNode(body);
            emit.adjustStackSize(-3);
        } else {
            tryExcept(body, excepts, orElse);
        }
        // None on the stack tells the finally block the try part ended normally
        emit.loadConstTok(TokenKind.KW_NONE);
        emit.labelAssign(finallyBlock);
        // a return value may sit on the stack while the finally block runs
        emit.adjustStackSize(1);
        c.compileNode(finallyBody);
        emit.adjustStackSize(-1);
        c.decreaseExceptLevel();
    }

    // with

    void withStmt(RuleNode pns) {
        ParseNode[] items = ParseNodes.extractList(pns.arg(0), Rule.with_stmt_list);
        withItems(items, 0, pns.arg(1));
    }

    private void withItems(ParseNode[] items, int i, ParseNode body) {
        if (i == items.length) {
            c.compileNode(body);
            return;
        }
        Emitter emit = c.emit;
        int end = c.nextLabel();
        if (ParseNodes.isRule(items[i], Rule.with_item)) {
            RuleNode item = (RuleNode) items[i];
            c.compileNode(item.arg(0));
            c.increaseExceptLevel(end, Emitter.Block.WITH);
            c.statements.assign(item.arg(1), AssignKind.STORE);
        } else {
            c.compileNode(items[i]);
            c.increaseExceptLevel(end, Emitter.Block.WITH);
            emit.popTop();
        }
        withItems(items, i + 1, body);
        emit.withCleanup(end);
        // native's with_cleanup uses 3 labels
        c.reserveLabelsForNative(3);
        c.decreaseExceptLevel();
    }

    // async

    void asyncStmt(RuleNode pns) {
        RuleNode stmt = (RuleNode) pns.arg(0);
        if (stmt.rule() == Rule.funcdef) {
            c.functions.funcdef(stmt);
            ((Scope) stmt.scope()).flags |= Scope.FLAG_GENERATOR;
            return;
        }
        if ((c.scopeCur.flags & Scope.FLAG_GENERATOR) == 0) {
            c.syntaxError(stmt, "async for/with outside async function");
            return;
        }
        if (stmt.rule() == Rule.for_stmt) {
            asyncFor(stmt);
        } else {
            asyncWithItems(ParseNodes.extractList(stmt.arg(0), Rule.with_stmt_list), 0, stmt.arg(1));
        }
    }

    private void awaitMethod(String method) {
        c.emit.loadMethod(method, false);
        c.emit.callMethod(0, 0, 0);
        c.expressions.yieldFrom();
    }

    private void asyncFor(RuleNode pns) {
        Emitter emit = c.emit;
        int whileElse = c.nextLabel();
        int tryException = c.nextLabel();
        int tryElse = c.nextLabel();
        int tryFinally = c.nextLabel();

        c.compileNode(pns.arg(1));
        emit.loadMethod("__aiter__", false);
        emit.callMethod(0, 0, 0);

        int breakLabel = c.nextLabel();
        int continueLabel = c.nextLabel();
        LoopState old = startLoop(breakLabel, continueLabel);
        emit.labelAssign(continueLabel);
        c.increaseExceptLevel(tryException, Emitter.Block.EXCEPT);
        emit.dupTop();
        awaitMethod("__anext__");
        c.statements.assign(pns.arg(0), AssignKind.STORE);
        emit.popExceptJump(tryElse, false);

        emit.labelAssign(tryException);
        emit.startExceptHandler();
        emit.dupTop();
        emit.loadGlobal("StopAsyncIteration", true);
        emit.binaryOp(BinaryOp.EXCEPTION_MATCH);
        emit.popJumpIf(false, tryFinally);
        emit.popTop();
        emit.popExceptJump(whileElse, true);

        emit.labelAssign(tryFinally);
        emit.adjustStackSize(1);
        c.decreaseExceptLevel();
        emit.endExceptHandler();

        emit.labelAssign(tryElse);
        c.compileNode(pns.arg(2));
        emit.jump(continueLabel);
        endLoop(old);

        emit.labelAssign(whileElse);
        c.compileNode(pns.arg(3));
        emit.labelAssign(breakLabel);
        emit.popTop();
    }

    private void asyncWithItems(ParseNode[] items, int i, ParseNode body) {
        if (i == items.length) {
            c.compileNode(body);
            return;
        }
        Emitter emit = c.emit;
        int finallyBlock = c.nextLabel();
        int aexitNoExc = c.nextLabel();
        int retUnwindJump = c.nextLabel();
        int end = c.nextLabel();

        if (ParseNodes.isRule(items[i], Rule.with_item)) {
            RuleNode item = (RuleNode) items[i];
            c.compileNode(item.arg(0));
            emit.dupTop();
            awaitMethod("__aenter__");
            c.statements.assign(item.arg(1), AssignKind.STORE);
        } else {
            c.compileNode(items[i]);
            emit.dupTop();
            awaitMethod("__aenter__");
            emit.popTop();
        }

        c.increaseExceptLevel(finallyBlock, Emitter.Block.FINALLY);
        emit.adjustStackSize(3);
        asyncWithItems(items, i + 1, body);
        emit.adjustStackSize(-3);

        // the body ended normally: call __aexit__(None, None, None)
        emit.asyncWithSetupFinally(aexitNoExc, finallyBlock, retUnwindJump);

        // an exception: call __aexit__(type, exc, None) and re-raise unless it says otherwise
        emit.dupTop();
        emit.rotThree();
        emit.rotTwo();
        emit.loadMethod("__aexit__", false);
        emit.rotThree();
        emit.rotThree();
        emit.dupTop();
        emit.attr("__class__", Emitter.Access.LOAD);
        emit.rotTwo();
        emit.loadConstTok(TokenKind.KW_NONE);
        emit.callMethod(3, 0, 0);
        c.expressions.yieldFrom();
        emit.popJumpIf(false, end);
        emit.popTop();
        emit.loadConstTok(TokenKind.KW_NONE);
        emit.jump(end);
        emit.adjustStackSize(2);

        // a return or unwind jump: call __aexit__ and carry on
        emit.labelAssign(retUnwindJump);
        emit.rotThree();
        emit.rotThree();
        emit.labelAssign(aexitNoExc);
        emit.loadMethod("__aexit__", false);
        emit.loadConstTok(TokenKind.KW_NONE);
        emit.dupTop();
        emit.dupTop();
        emit.callMethod(3, 0, 0);
        c.expressions.yieldFrom();
        emit.popTop();
        emit.adjustStackSize(-1);

        emit.labelAssign(end);
        c.decreaseExceptLevel();
    }
}
