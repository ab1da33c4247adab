package freezer.core.compile;

import freezer.core.ByteStrings;
import freezer.core.CompileError;
import freezer.core.CompileOptions;
import freezer.core.CompileWork;
import freezer.core.ErrorType;
import freezer.core.NativeArch;
import freezer.core.emit.BytecodeEmitter;
import freezer.core.emit.EmitCommon;
import freezer.core.emit.EmitException;
import freezer.core.emit.EmitOption;
import freezer.core.emit.Emitter;
import freezer.core.emit.ErrorSlot;
import freezer.core.emit.Pass;
import freezer.core.lexer.TokenKind;
import freezer.core.mpy.CompiledModule;
import freezer.core.mpy.ConstObject;
import freezer.core.mpy.MpyHeader;
import freezer.core.num.FloatFormat;
import freezer.core.parse.ConstNode;
import freezer.core.parse.ConstValue;
import freezer.core.parse.InternedStrings;
import freezer.core.parse.ParseNode;
import freezer.core.parse.ParseNodes;
import freezer.core.parse.Rule;
import freezer.core.parse.RuleNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a parse tree into a module of functions, as py/compile.c does: every scope is walked
 * in several passes (find names, size the stack, size the code, emit), and the parse tree is
 * dispatched rule by rule through one table to the compile functions, which live in
 * {@link StatementCompiler}, {@link FlowCompiler}, {@link ExpressionCompiler} and
 * {@link FunctionCompiler}. Each scope goes to its {@link Emitter}: bytecode, or native and
 * viper code ({@link MachineCode} makes that emitter); inline-assembler functions go through
 * {@link InlineAsmCompiler} instead.
 *
 * <p>Like upstream, a compile error is recorded and compilation of the scope goes on (later
 * errors are ignored); its line is filled in from the nearest enclosing statement on the way
 * out. Only then is the error thrown.
 */
public final class Compiler {
    static final int INVALID_LABEL = 0xffff;

    final CompileOptions options;
    /** The source name as the qstr (a byte string) that heads the module's qstr table. */
    final String sourceFile;
    /** The source name as text, for error messages. */
    private final String sourceName;
    final InternedStrings interned;
    final EmitCommon common;
    private final BytecodeEmitter bytecode;
    Emitter emit;

    final StatementCompiler statements = new StatementCompiler(this);
    final FlowCompiler flow = new FlowCompiler(this);
    final ExpressionCompiler expressions = new ExpressionCompiler(this);
    final FunctionCompiler functions = new FunctionCompiler(this);

    Pass pass;
    Scope scopeCur;
    final List<Scope> scopes = new ArrayList<>();
    int nextLabel;
    int breakLabel = INVALID_LABEL;
    int continueLabel = INVALID_LABEL;
    int curExceptLevel;
    int breakContinueExceptLevel;
    boolean haveStar;
    int numDictParams;
    int numDefaultParams;

    private ErrorType errorType;
    private String errorMessage;
    private int errorLine;
    /** Where the error really is, when that is more precise than the node giving its line (freezer's); or -1. */
    private int faultOffset = -1;
    private int errorOffset;
    /** The emitters' way to record an error that replaces any before it (compile.c's error slot). */
    final ErrorSlot errorSlot = (type, message) -> {
        errorType = type;
        errorMessage = message;
    };
    /** The last node with a line that the compiler began, for errors raised inside the emitters. */
    private ParseNode currentNode;
    private MachineCode machineCode;
    private final CompileWork work;

    private Compiler(CompileOptions options, String sourceName, InternedStrings interned, CompileWork work) {
        this.options = options;
        this.work = work;
        this.sourceName = sourceName;
        this.sourceFile = ByteStrings.fromText(sourceName);
        this.interned = interned;
        this.common = new EmitCommon(sourceFile);
        this.bytecode = new BytecodeEmitter(common, options.optimisationLevel() < 3);
        this.emit = bytecode;
    }

    /**
     * Compiles a parsed module.
     *
     * @param sourceName the name embedded in the module and named by compile errors
     * @param interned the strings the parse interned (the compiler may intern more)
     */
    public static CompiledModule compile(ParseNode root, String sourceName, CompileOptions options,
            InternedStrings interned) {
        return compile(root, sourceName, options, interned, new CompileWork());
    }

    /** As {@link #compile(ParseNode, String, CompileOptions, InternedStrings)}, counting into {@code work}. */
    public static CompiledModule compile(ParseNode root, String sourceName, CompileOptions options,
            InternedStrings interned, CompileWork work) {
        return new Compiler(options, sourceName, interned, work).run(root);
    }

    /**
     * The compile function of each rule (grammar.h's c(...) column), by rule ordinal: built once,
     * its functions take the compiler they work for, so a compile makes none of them.
     */
    private static final CompileFunction[] DISPATCH = new CompileFunction[Rule.values().length];

    /** A rule's compile function. */
    @FunctionalInterface
    private interface CompileFunction {
        void compile(Compiler c, RuleNode pn);
    }

    static {
        for (Rule r : new Rule[] {Rule.file_input, Rule.file_input_2, Rule.simple_stmt_2, Rule.pass_stmt,
                Rule.suite_block_stmts}) {
            on(r, (c, pn) -> c.compileGenericAllNodes(pn));
        }
        on(Rule.decorated, (c, pn) -> c.functions.decorated(pn));
        on(Rule.funcdef, (c, pn) -> c.functions.funcdef(pn));
        on(Rule.expr_stmt, (c, pn) -> c.statements.exprStmt(pn));
        for (Rule r : new Rule[] {Rule.testlist_star_expr, Rule.testlist, Rule.subscriptlist}) {
            on(r, (c, pn) -> c.expressions.genericTuple(pn));
        }
        on(Rule.del_stmt, (c, pn) -> c.statements.delStmt(pn));
        on(Rule.break_stmt, (c, pn) -> c.statements.breakContinueStmt(pn));
        on(Rule.continue_stmt, (c, pn) -> c.statements.breakContinueStmt(pn));
        on(Rule.return_stmt, (c, pn) -> c.statements.returnStmt(pn));
        on(Rule.yield_stmt, (c, pn) -> c.statements.yieldStmt(pn));
        on(Rule.raise_stmt, (c, pn) -> c.statements.raiseStmt(pn));
        on(Rule.import_name, (c, pn) -> c.statements.importName(pn));
        on(Rule.import_from, (c, pn) -> c.statements.importFrom(pn));
        on(Rule.global_stmt, (c, pn) -> c.statements.globalNonlocalStmt(pn));
        on(Rule.nonlocal_stmt, (c, pn) -> c.statements.globalNonlocalStmt(pn));
        on(Rule.assert_stmt, (c, pn) -> c.statements.assertStmt(pn));
        on(Rule.async_stmt, (c, pn) -> c.flow.asyncStmt(pn));
        on(Rule.if_stmt, (c, pn) -> c.flow.ifStmt(pn));
        on(Rule.while_stmt, (c, pn) -> c.flow.whileStmt(pn));
        on(Rule.for_stmt, (c, pn) -> c.flow.forStmt(pn));
        on(Rule.try_stmt, (c, pn) -> c.flow.tryStmt(pn));
        on(Rule.with_stmt, (c, pn) -> c.flow.withStmt(pn));
        on(Rule.namedexpr_test, (c, pn) -> c.expressions.namedExpr(pn));
        on(Rule.test_if_expr, (c, pn) -> c.expressions.testIfExpr(pn));
        on(Rule.lambdef, (c, pn) -> c.functions.lambdef(pn));
        on(Rule.lambdef_nocond, (c, pn) -> c.functions.lambdef(pn));
        on(Rule.or_test, (c, pn) -> c.expressions.orAndTest(pn));
        on(Rule.and_test, (c, pn) -> c.expressions.orAndTest(pn));
        on(Rule.not_test_2, (c, pn) -> c.expressions.notTest(pn));
        on(Rule.comparison, (c, pn) -> c.expressions.comparison(pn));
        on(Rule.star_expr, (c, pn) -> c.expressions.starExpr(pn));
        on(Rule.expr, (c, pn) -> c.expressions.binaryOp(pn));
        on(Rule.xor_expr, (c, pn) -> c.expressions.binaryOp(pn));
        on(Rule.and_expr, (c, pn) -> c.expressions.binaryOp(pn));
        on(Rule.shift_expr, (c, pn) -> c.expressions.term(pn));
        on(Rule.arith_expr, (c, pn) -> c.expressions.term(pn));
        on(Rule.term, (c, pn) -> c.expressions.term(pn));
        on(Rule.factor_2, (c, pn) -> c.expressions.factor(pn));
        on(Rule.power, (c, pn) -> c.expressions.power(pn));
        on(Rule.atom_expr_await, (c, pn) -> c.expressions.atomExprAwait(pn));
        on(Rule.atom_expr_normal, (c, pn) -> c.expressions.atomExprNormal(pn));
        on(Rule.atom_paren, (c, pn) -> c.expressions.atomParen(pn));
        on(Rule.atom_bracket, (c, pn) -> c.expressions.atomBracket(pn));
        on(Rule.atom_brace, (c, pn) -> c.expressions.atomBrace(pn));
        on(Rule.trailer_paren, (c, pn) -> c.expressions.trailerParen(pn));
        on(Rule.trailer_bracket, (c, pn) -> c.expressions.trailerBracket(pn));
        on(Rule.trailer_period, (c, pn) -> c.expressions.trailerPeriod(pn));
        on(Rule.subscript_2, (c, pn) -> c.expressions.subscript(pn));
        on(Rule.subscript_3, (c, pn) -> c.expressions.subscript(pn));
        on(Rule.dictorsetmaker_item, (c, pn) -> c.expressions.dictOrSetMakerItem(pn));
        on(Rule.classdef, (c, pn) -> c.functions.classdef(pn));
        on(Rule.yield_expr, (c, pn) -> c.expressions.yieldExpr(pn));
    }

    private static void on(Rule rule, CompileFunction f) {
        DISPATCH[rule.ordinal()] = f;
    }

    private CompiledModule run(ParseNode root) {
        Scope module = newScope(ScopeKind.MODULE, root, defaultEmitOption());
        try {
            // pass 1 over every scope, including those it discovers on the way
            int maxLabels = 0;
            for (int i = 0; i < scopes.size() && errorMessage == null; i++) {
                Scope s = scopes.get(i);
                if (s.emitOption == EmitOption.ASM) {
                    new InlineAsmCompiler(this, null).compileScope(s, Pass.SCOPE);
                } else {
                    compileScope(s, Pass.SCOPE);
                    // names only read so far may belong to an enclosing function
                    for (IdInfo id : new ArrayList<>(s.ids)) {
                        if (id.kind == IdKind.GLOBAL_IMPLICIT) {
                            s.checkToCloseOver(id);
                        }
                    }
                }
                maxLabels = Math.max(maxLabels, nextLabel);
            }
            for (int i = 0; i < scopes.size() && errorMessage == null; i++) {
                scopes.get(i).computeThings();
            }
            bytecode.setMaxLabels(maxLabels);
            machineCode = new MachineCode(this, maxLabels);

            for (int i = 0; i < scopes.size() && errorMessage == null; i++) {
                Scope s = scopes.get(i);
                if (s.emitOption == EmitOption.ASM) {
                    machineCode.compileInlineAsm(s);
                    continue;
                }
                if (s.emitOption.isNative()) {
                    emit = machineCode.nativeEmitter(s);
                    if (emit == null) {
                        // compile.c's emit_finished: no emitter for this architecture
                        break;
                    }
                } else {
                    emit = bytecode;
                }
                compileScope(s, Pass.STACK_SIZE);
                if (errorMessage == null) {
                    compileScope(s, Pass.CODE_SIZE);
                }
                if (errorMessage == null) {
                    while (!compileScope(s, Pass.EMIT)) {
                        // jumps shrank; emit again with the new offsets
                    }
                }
            }
        } catch (BytecodeEmitter.BytecodeOverflow e) {
            throw CompileError.withoutLine(ErrorType.RuntimeError, "bytecode overflow", sourceName,
                    ParseNodes.line(scopeCur.node), ParseNodes.offset(scopeCur.node));
        } catch (EmitException e) {
            throw emitError(e);
        }

        if (errorMessage != null) {
            if (errorLine == 0) {
                setErrorLine(scopeCur.node);
            }
            throw CompileError.at(errorType, errorMessage, sourceName, errorLine,
                    faultOffset >= 0 ? faultOffset : errorOffset,
                    ByteStrings.toText(scopeCur.simpleName));
        }

        List<ConstObject> constants = new ArrayList<>();
        for (ConstValue c : common.constants()) {
            constants.add(toConstObject(c));
        }
        MpyHeader header = machineCode != null && machineCode.used()
                ? new MpyHeader(MpyHeader.VERSION, MpyHeader.SUB_VERSION, options.arch(), options.smallIntBits(),
                        archFlags())
                : MpyHeader.bytecode(options.smallIntBits(), archFlags());
        return new CompiledModule(header, common.qstrTable(), constants, module.code.toRawCode());
    }

    /**
     * An emitter gave up: an error mpy-cross raises without a line, or one freezer reports where
     * mpy-cross would crash, at the construct being compiled.
     */
    private CompileError emitError(EmitException e) {
        ParseNode at = currentNode != null && !e.atScope() ? currentNode : scopeCur.node;
        if (e.isAbort()) {
            return CompileError.at(e.type(), e.getMessage(), sourceName, ParseNodes.line(at), ParseNodes.offset(at),
                    ByteStrings.toText(scopeCur.simpleName));
        }
        return CompileError.withoutLine(e.type(), e.getMessage(), sourceName, ParseNodes.line(at),
                ParseNodes.offset(at));
    }

    private long archFlags() {
        // mpy-cross records -march-flags only for the architectures it applies to
        return options.arch() == NativeArch.RV32IMC ? options.archFlags() : 0;
    }

    private EmitOption defaultEmitOption() {
        return switch (options.defaultEmit()) {
            case NATIVE -> EmitOption.NATIVE_PYTHON;
            case VIPER -> EmitOption.VIPER;
            default -> EmitOption.NONE;
        };
    }

    private static ConstObject toConstObject(ConstValue c) {
        if (c instanceof ConstValue.IntValue i) {
            return new ConstObject.Int(i.value());
        } else if (c instanceof ConstValue.FloatValue f) {
            return new ConstObject.FloatRepr(FloatFormat.repr(f.value()));
        } else if (c instanceof ConstValue.ComplexValue z) {
            return new ConstObject.ComplexRepr(FloatFormat.complexRepr(z.real(), z.imag()));
        } else if (c instanceof ConstValue.StrValue s) {
            return new ConstObject.Str(s.bytes());
        } else if (c instanceof ConstValue.BytesValue b) {
            return new ConstObject.Bytes(b.bytes());
        } else if (c instanceof ConstValue.TupleValue t) {
            List<ConstObject> items = new ArrayList<>();
            for (ConstValue item : t.items()) {
                items.add(toConstObject(item));
            }
            return new ConstObject.Tuple(items);
        }
        return switch ((ConstValue.Singleton) c) {
            case NONE -> ConstObject.Singleton.NONE;
            case FALSE -> ConstObject.Singleton.FALSE;
            case TRUE -> ConstObject.Singleton.TRUE;
            case ELLIPSIS -> ConstObject.Singleton.ELLIPSIS;
            case FUN_TABLE -> ConstObject.Singleton.FUN_TABLE;
        };
    }

    // Scopes and passes.

    Scope newScope(ScopeKind kind, ParseNode node, EmitOption emitOption) {
        Scope s = new Scope(kind, scopeCur, node, emitOption, work);
        scopes.add(s);
        return s;
    }

    /** compile.c compile_scope: one pass over one scope. Returns false if the pass must repeat. */
    private boolean compileScope(Scope scope, Pass p) {
        pass = p;
        scopeCur = scope;
        nextLabel = 0;
        common.startPass(p);
        emit.startPass(p, scope);
        // the native emitter's start_pass uses 6 labels
        reserveLabelsForNative(6);
        if (p == Pass.SCOPE) {
            scope.stackSize = 0;
            scope.excStackSize = 0;
        }
        functions.compileScopeBody(scope);
        return emit.endPass();
    }

    String sourceName() {
        return sourceName;
    }

    int nextLabel() {
        return nextLabel++;
    }

    /**
     * compile.c reserve_labels_for_native: skips labels the native emitter takes from the
     * compiler's count after some emit calls (every scope not explicitly bytecode does this,
     * which only moves label numbers about for the bytecode emitter).
     */
    void reserveLabelsForNative(int n) {
        if (scopeCur.emitOption != EmitOption.BYTECODE) {
            nextLabel += n;
        }
    }

    boolean scopePass() {
        return pass == Pass.SCOPE;
    }

    // Errors.

    /** The node an assembler's abort is reported at (an inline-assembler instruction). */
    void atNode(ParseNode pn) {
        currentNode = pn;
    }

    boolean hasError() {
        return errorMessage != null;
    }

    /**
     * Points the error at {@code pn} (a decorator, say), whatever node gives it its line as
     * compile.c gives it; mpy-cross's line is kept, the CLI notes the place if it is elsewhere.
     */
    void placeError(ParseNode pn) {
        int offset = ParseNodes.offset(pn);
        if (offset >= 0) {
            faultOffset = offset;
        }
    }

    /** compile.c compile_syntax_error: the first error wins. */
    void syntaxError(ParseNode pn, String message) {
        setError(ErrorType.SyntaxError, message, pn);
    }

    void setError(ErrorType type, String message, ParseNode pn) {
        if (errorMessage == null) {
            errorType = type;
            errorMessage = message;
            setErrorLine(pn);
        }
    }

    /** Sets the error's line whatever it was (compile_scope_inline_asm does so). */
    void forceErrorLine(ParseNode pn) {
        errorLine = ParseNodes.line(pn);
        errorOffset = ParseNodes.offset(pn);
    }

    /** compile.c compile_error_set_line: the first node with a line gives the error its line. */
    void setErrorLine(ParseNode pn) {
        if (errorLine == 0 && (pn instanceof RuleNode || pn instanceof ConstNode)) {
            errorLine = ParseNodes.line(pn);
            errorOffset = ParseNodes.offset(pn);
        }
    }

    // The compile loop.

    void compileNode(ParseNode pn) {
        if (pn == null) {
            return;
        }
        if (pn instanceof ParseNode.SmallInt s) {
            emit.loadConstSmallInt(s.value());
        } else if (pn instanceof ParseNode.Id id) {
            loadId(id.name());
        } else if (pn instanceof ParseNode.Str s) {
            emit.loadConstStr(s.value());
        } else if (pn instanceof ParseNode.Tok t) {
            // a NEWLINE gets through when a file starts with a blank line
            if (t.kind() != TokenKind.NEWLINE) {
                emit.loadConstTok(t.kind());
            }
        } else if (pn instanceof ConstNode c) {
            currentNode = c;
            emit.setSourceLine(c.line());
            emit.loadConstObj(c.value());
        } else {
            RuleNode r = (RuleNode) pn;
            currentNode = r;
            emit.setSourceLine(r.line());
            CompileFunction f = DISPATCH[r.rule().ordinal()];
            if (f == null) {
                throw new IllegalStateException("no compile function for " + r.rule());
            }
            f.compile(this, r);
        }
    }

    void compileGenericAllNodes(RuleNode pns) {
        for (int i = 0; i < pns.size(); i++) {
            compileNode(pns.arg(i));
            if (errorMessage != null) {
                setErrorLine(pns.arg(i));
                return;
            }
        }
    }

    // Names.

    void loadId(String name) {
        if (pass == Pass.SCOPE) {
            scopeCur.findOrAdd(name, IdKind.GLOBAL_IMPLICIT);
        } else {
            idOp(name, IdOp.LOAD);
        }
    }

    void storeId(String name) {
        if (pass == Pass.SCOPE) {
            scopeCur.idForModification(name);
        } else {
            idOp(name, IdOp.STORE);
        }
    }

    void deleteId(String name) {
        if (pass == Pass.SCOPE) {
            scopeCur.idForModification(name);
        } else {
            idOp(name, IdOp.DELETE);
        }
    }

    private enum IdOp {
        LOAD, STORE, DELETE
    }

    /** emitcommon.c mp_emit_common_id_op: the opcode follows how the name is bound. */
    private void idOp(String name, IdOp op) {
        IdInfo id = scopeCur.find(name);
        if (id == null) {
            // only possible after an error left the scope pass incomplete
            id = scopeCur.findOrAdd(name, IdKind.GLOBAL_IMPLICIT);
        }
        switch (id.kind) {
            case GLOBAL_IMPLICIT, GLOBAL_IMPLICIT_ASSIGNED, UNDECIDED -> global(op, name, false);
            case GLOBAL_EXPLICIT -> global(op, name, true);
            case LOCAL -> local(op, name, id.localNum, false);
            default -> local(op, name, id.localNum, true);
        }
    }

    private void global(IdOp op, String name, boolean explicit) {
        switch (op) {
            case LOAD -> emit.loadGlobal(name, explicit);
            case STORE -> emit.storeGlobal(name, explicit);
            default -> emit.deleteGlobal(name, explicit);
        }
    }

    private void local(IdOp op, String name, int localNum, boolean deref) {
        switch (op) {
            case LOAD -> emit.loadLocal(name, localNum, deref);
            case STORE -> emit.storeLocal(name, localNum, deref);
            default -> emit.deleteLocal(name, localNum, deref);
        }
    }

    // Exception levels.

    void increaseExceptLevel(int label, Emitter.Block kind) {
        emit.setupBlock(label, kind);
        curExceptLevel++;
        if (curExceptLevel > scopeCur.excStackSize) {
            scopeCur.excStackSize = curExceptLevel;
        }
    }

    void decreaseExceptLevel() {
        curExceptLevel--;
        emit.endFinally();
        reserveLabelsForNative(1);
    }

    /**
     * compile.c c_if_cond: jumps to {@code label} if the condition's truth is {@code jumpIf},
     * short-circuiting through {@code and}, {@code or} and {@code not} and constants.
     */
    void ifCond(ParseNode pn, boolean jumpIf, int label) {
        if (ParseNodes.isConstFalse(pn)) {
            if (!jumpIf) {
                emit.jump(label);
            }
            return;
        } else if (ParseNodes.isConstTrue(pn)) {
            if (jumpIf) {
                emit.jump(label);
            }
            return;
        } else if (pn instanceof RuleNode r) {
            int n = r.size();
            if (r.rule() == Rule.or_test || r.rule() == Rule.and_test) {
                boolean isOr = r.rule() == Rule.or_test;
                if (jumpIf != isOr) {
                    // and-like: every operand must pass, so each failure jumps past
                    int label2 = nextLabel();
                    for (int i = 0; i < n - 1; i++) {
                        ifCond(r.arg(i), !jumpIf, label2);
                    }
                    ifCond(r.arg(n - 1), jumpIf, label);
                    emit.labelAssign(label2);
                } else {
                    for (int i = 0; i < n; i++) {
                        ifCond(r.arg(i), jumpIf, label);
                    }
                }
                return;
            } else if (r.rule() == Rule.not_test_2) {
                ifCond(r.arg(0), !jumpIf, label);
                return;
            }
        }
        compileNode(pn);
        emit.popJumpIf(jumpIf, label);
    }
}
