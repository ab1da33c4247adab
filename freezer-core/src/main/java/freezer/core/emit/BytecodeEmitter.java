package freezer.core.emit;

import freezer.core.ByteStrings;
import freezer.core.bytecode.BinaryOp;
import freezer.core.bytecode.Opcode;
import freezer.core.bytecode.UnaryOp;
import freezer.core.compile.IdInfo;
import freezer.core.compile.IdKind;
import freezer.core.compile.Scope;
import freezer.core.compile.ScopeKind;
import freezer.core.lexer.TokenKind;
import freezer.core.mpy.BytecodeFunction;
import freezer.core.mpy.Instruction;
import freezer.core.mpy.LineStep;
import freezer.core.mpy.Prelude;
import freezer.core.mpy.Uint;
import freezer.core.parse.ConstValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits one scope as a bytecode function, as py/emitbc.c does: a prelude (signature, sizes,
 * name, argument names), the line-number table, the cell list, then the opcodes. It runs once
 * per pass; sizes and label offsets learnt in one pass are used in the next, and the EMIT pass
 * is repeated until jumps stop shrinking ({@link JumpRelaxation} works out where that ends, the
 * pass-by-pass loop when it cannot). The last pass hands the scope a
 * {@link BytecodeFunction} built from what it laid out (nothing is encoded to be decoded again).
 */
public final class BytecodeEmitter implements Emitter {
    /** The highest local slot a cell can have: the prelude holds each as a byte. */
    private static final int MAX_CELL_LOCAL = 0xff;

    /** MP_OBJ_ITER_BUF_NSLOTS: a for loop keeps its iterator in 4 stack slots. */
    public static final int ITER_BUF_SLOTS = 4;
    /** compile.c's flag on a break label that leaves a for loop (its iterator must be popped). */
    public static final int BREAK_FROM_FOR = 0x8000;

    private final EmitCommon common;
    private final boolean lineNumbers;

    private final OpcodeWriter w = new OpcodeWriter();
    private Pass pass;
    private Scope scope;
    private int lastSourceLineOffset;
    private int lastSourceLine;

    private Prelude prelude;
    private int simpleName;
    private final List<Integer> argNames = new ArrayList<>();
    private final List<LineStep> lineInfo = new ArrayList<>();
    private final List<Integer> cells = new ArrayList<>();
    /** The bytes of the prelude, names, line info and cells laid out so far this pass. */
    private int codeInfoSize;
    private int infoStart;
    private int lastCodeInfoSize;
    private int lastBytecodeSize;
    private int nInfo;
    private int nCell;

    public BytecodeEmitter(EmitCommon common, boolean lineNumbers) {
        this.common = common;
        this.lineNumbers = lineNumbers;
    }

    public void setMaxLabels(int n) {
        w.setMaxLabels(n);
    }

    @Override
    public void startPass(Pass p, Scope s) {
        pass = p;
        scope = s;
        w.startPass(p, s);
        int nState = s.numLocals() + s.stackSize();
        if (nState == 0) {
            // an exception passing through needs one slot
            nState = 1;
        }
        prelude = new Prelude(nState, s.excStackSize(), s.flags() & Scope.FLAG_ALL_SIG, s.numPosArgs(),
                s.numKwonlyArgs(), s.numDefPosArgs());
        startCodeInfo();
    }

    /** The code info's start of a pass: the prelude, the sizes as the last pass found them, the names. */
    private void startCodeInfo() {
        lastSourceLineOffset = 0;
        lastSourceLine = 1;
        lineInfo.clear();
        cells.clear();
        argNames.clear();
        codeInfoSize = prelude.bytes().length;
        // the sizes of the names-and-lines part and the cell list, as the last pass found them
        if (pass.compareTo(Pass.CODE_SIZE) >= 0) {
            codeInfoSize += Prelude.sizeBytes(nInfo, nCell).length;
        }
        infoStart = codeInfoSize;

        simpleName = codeInfoQstr(scope.simpleName());
        for (String name : parameterNames(scope)) {
            argNames.add(codeInfoQstr(name));
        }
    }

    /** The code info's end of a pass: the names-and-lines size, then the cells. */
    private void endCodeInfo() {
        nInfo = codeInfoSize - infoStart;
        cells.addAll(cellLocals(scope));
        nCell = cells.size();
        codeInfoSize += nCell;
    }

    /**
     * Each positional and keyword-only parameter's name in slot order, "*" where no parameter
     * has that slot (the prelude's argument names, as emitbc.c and emitnative.c write them).
     * One walk of the names: upstream walks them once per slot, which made a function of n
     * parameters cost n squared on every pass.
     */
    static List<String> parameterNames(Scope s) {
        String[] names = new String[s.numPosArgs() + s.numKwonlyArgs()];
        s.work().namesWalkedForParameters(s.ids().size());
        for (IdInfo id : s.ids()) {
            int slot = id.localNum();
            // the first name with the slot, as upstream's search finds it
            if (id.isParam() && slot >= 0 && slot < names.length && names[slot] == null) {
                names[slot] = id.name();
            }
        }
        List<String> out = new ArrayList<>(names.length);
        for (String name : names) {
            out.add(name == null ? "*" : name);
        }
        return out;
    }

    /**
     * The locals that become cells when the function starts, in the order of the scope's names.
     * The prelude holds each as a byte: mpy-cross fails its assertion on a cell numbered above 255.
     */
    static List<Integer> cellLocals(Scope s) {
        List<Integer> out = new ArrayList<>();
        for (IdInfo id : s.ids()) {
            if (id.kind() == IdKind.CELL) {
                if (id.localNum() > MAX_CELL_LOCAL) {
                    throw EmitException.abortAtScope("a variable a closure uses ('" + ByteStrings.toText(id.name())
                            + "') in local slot " + id.localNum() + ": a function's prelude numbers cells up to "
                            + MAX_CELL_LOCAL);
                }
                out.add(id.localNum());
            }
        }
        return out;
    }

    private int codeInfoQstr(String q) {
        int index = common.useQstr(q);
        codeInfoSize += Uint.length(index);
        return index;
    }

    @Override
    public boolean endPass() {
        if (pass == Pass.SCOPE) {
            return true;
        }
        endCodeInfo();

        if (pass == Pass.CODE_SIZE) {
            lastCodeInfoSize = codeInfoSize;
            lastBytecodeSize = w.size();
        } else if (pass == Pass.EMIT) {
            if ((codeInfoSize != lastCodeInfoSize || w.size() != lastBytecodeSize) && scope.work().relaxJumps()
                    && relaxed()) {
                lastCodeInfoSize = codeInfoSize;
                lastBytecodeSize = w.size();
            }
            while (codeInfoSize != lastCodeInfoSize || w.size() != lastBytecodeSize) {
                // jumps shrank: another EMIT pass with the new sizes, replayed from this one's tape
                lastCodeInfoSize = codeInfoSize;
                lastBytecodeSize = w.size();
                int[] labels = w.labelOffsets();
                startCodeInfo();
                replay(false);
                endCodeInfo();
                if (codeInfoSize == lastCodeInfoSize && w.size() == lastBytecodeSize) {
                    // the last pass: the same again, keeping its instructions
                    w.restoreLabelOffsets(labels);
                    startCodeInfo();
                    replay(true);
                    endCodeInfo();
                }
            }
            if (w.overflowed()) {
                throw new BytecodeOverflow();
            }
            Prelude sig = prelude;
            int name = simpleName;
            List<Integer> args = List.copyOf(argNames);
            List<LineStep> lines = List.copyOf(lineInfo);
            List<Integer> cellList = List.copyOf(cells);
            List<Instruction> code = w.instructions();
            scope.code().assign(common.children(),
                    children -> new BytecodeFunction(sig, name, args, lines, cellList, code, children));
        }
        return true;
    }

    /** Another EMIT pass from the last one's tape (see {@link OpcodeWriter#replay}), counted. */
    private void replay(boolean keepInstructions) {
        scope.work().stepsReplayed(w.tapeSize());
        w.replay(this::sourceLineAt, keepInstructions);
    }

    /**
     * The repeated EMIT passes worked out by {@link JumpRelaxation}, then the last one laid out
     * from the label offsets it starts from; false (and nothing changed) when the relaxation does
     * not model this function, which the pass-by-pass loop then compiles.
     */
    private boolean relaxed() {
        JumpRelaxation relaxation = w.relaxation();
        if (relaxation == null) {
            scope.work().relaxationFellBack(0);
            return false;
        }
        int[] labels = relaxation.run();
        if (labels == null) {
            scope.work().relaxationFellBack(relaxation.work());
            return false;
        }
        scope.work().functionRelaxed(relaxation.work());
        w.restoreLabelOffsets(labels);
        startCodeInfo();
        replay(true);
        endCodeInfo();
        return true;
    }

    /** Thrown when a jump does not fit in 15 bits ("RuntimeError: bytecode overflow"). */
    public static final class BytecodeOverflow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BytecodeOverflow() {
            super("bytecode overflow", null, false, false);
        }
    }

    @Override
    public void adjustStackSize(int delta) {
        w.adjustStackSize(delta);
    }

    @Override
    public void setSourceLine(int line) {
        if (!lineNumbers) {
            return;
        }
        w.sourceLine(line);
        sourceLineAt(line, w.size());
    }

    private void sourceLineAt(int line, int offset) {
        if (line > lastSourceLine) {
            writeBytesLines(offset - lastSourceLineOffset, line - lastSourceLine);
            lastSourceLineOffset = offset;
            lastSourceLine = line;
        }
    }

    /**
     * emitbc.c's choice of line-table entries: the one-byte form while lines step by 6 or
     * less (or bytes by more than 15), else the two-byte form; bytes are skipped before lines.
     */
    private void writeBytesLines(int bytesToSkip, int linesToSkip) {
        while (bytesToSkip > 0 || linesToSkip > 0) {
            LineStep step;
            if (linesToSkip <= 6 || bytesToSkip > 0xf) {
                int b = Math.min(bytesToSkip, 0x1f);
                // lines cannot be skipped until all the bytes are
                step = new LineStep(b, b < bytesToSkip ? 0 : Math.min(linesToSkip, 0x3), false);
            } else {
                step = new LineStep(Math.min(bytesToSkip, 0xf), Math.min(linesToSkip, 0x7ff), true);
            }
            lineInfo.add(step);
            codeInfoSize += step.size();
            bytesToSkip -= step.bytecodeDelta();
            linesToSkip -= step.lineDelta();
        }
    }

    @Override
    public void labelAssign(int label) {
        w.labelAssign(label);
    }

    private void opQstr(int stackAdj, Opcode opcode, String q) {
        w.opUint(stackAdj, opcode, common.useQstr(q));
    }

    private void opObj(int stackAdj, Opcode opcode, ConstValue obj) {
        w.opUint(stackAdj, opcode, common.useConst(obj));
    }

    private void opChild(int stackAdj, Opcode opcode, Scope child) {
        w.opUint(stackAdj, opcode, common.allocChild(child.code()));
    }

    @Override
    public void importName(String q) {
        opQstr(-1, Opcode.IMPORT_NAME, q);
    }

    @Override
    public void importFrom(String q) {
        opQstr(1, Opcode.IMPORT_FROM, q);
    }

    @Override
    public void importStar() {
        w.op(-1, Opcode.IMPORT_STAR);
    }

    @Override
    public void loadConstTok(TokenKind tok) {
        switch (tok) {
            case ELLIPSIS -> opObj(1, Opcode.LOAD_CONST_OBJ, ConstValue.Singleton.ELLIPSIS);
            case KW_FALSE -> w.op(1, Opcode.LOAD_CONST_FALSE);
            case KW_NONE -> w.op(1, Opcode.LOAD_CONST_NONE);
            case KW_TRUE -> w.op(1, Opcode.LOAD_CONST_TRUE);
            default -> throw new IllegalArgumentException("not a constant token: " + tok);
        }
    }

    @Override
    public void loadConstSmallInt(long value) {
        if (-Opcode.SMALL_INT_MULTI_EXCESS <= value
                && value < Opcode.LOAD_CONST_SMALL_INT_MULTI.count() - Opcode.SMALL_INT_MULTI_EXCESS) {
            w.op(1, Opcode.LOAD_CONST_SMALL_INT_MULTI, value);
        } else {
            w.opInt(1, Opcode.LOAD_CONST_SMALL_INT, value);
        }
    }

    @Override
    public void loadConstStr(String q) {
        opQstr(1, Opcode.LOAD_CONST_STRING, q);
    }

    @Override
    public void loadConstObj(ConstValue obj) {
        opObj(1, Opcode.LOAD_CONST_OBJ, obj);
    }

    @Override
    public void loadNull() {
        w.op(1, Opcode.LOAD_NULL);
    }

    @Override
    public void loadLocal(String q, int localNum, boolean deref) {
        if (!deref && localNum <= 15) {
            w.op(1, Opcode.LOAD_FAST_MULTI, localNum);
        } else {
            w.opUint(1, deref ? Opcode.LOAD_DEREF : Opcode.LOAD_FAST_N, localNum);
        }
    }

    @Override
    public void loadGlobal(String q, boolean explicit) {
        opQstr(1, explicit ? Opcode.LOAD_GLOBAL : Opcode.LOAD_NAME, q);
    }

    @Override
    public void storeLocal(String q, int localNum, boolean deref) {
        if (!deref && localNum <= 15) {
            w.op(-1, Opcode.STORE_FAST_MULTI, localNum);
        } else {
            w.opUint(-1, deref ? Opcode.STORE_DEREF : Opcode.STORE_FAST_N, localNum);
        }
    }

    @Override
    public void storeGlobal(String q, boolean explicit) {
        opQstr(-1, explicit ? Opcode.STORE_GLOBAL : Opcode.STORE_NAME, q);
    }

    @Override
    public void deleteLocal(String q, int localNum, boolean deref) {
        w.opUint(0, deref ? Opcode.DELETE_DEREF : Opcode.DELETE_FAST, localNum);
    }

    @Override
    public void deleteGlobal(String q, boolean explicit) {
        opQstr(0, explicit ? Opcode.DELETE_GLOBAL : Opcode.DELETE_NAME, q);
    }

    @Override
    public void loadMethod(String q, boolean isSuper) {
        opQstr(isSuper ? -1 : 1, isSuper ? Opcode.LOAD_SUPER_METHOD : Opcode.LOAD_METHOD, q);
    }

    @Override
    public void loadBuildClass() {
        w.op(1, Opcode.LOAD_BUILD_CLASS);
    }

    @Override
    public void subscr(Access kind) {
        if (kind == Access.LOAD) {
            w.op(-1, Opcode.LOAD_SUBSCR);
        } else {
            if (kind == Access.DELETE) {
                loadNull();
                rotThree();
            }
            w.op(-3, Opcode.STORE_SUBSCR);
        }
    }

    @Override
    public void attr(String q, Access kind) {
        if (kind == Access.LOAD) {
            opQstr(0, Opcode.LOAD_ATTR, q);
        } else {
            if (kind == Access.DELETE) {
                loadNull();
                rotTwo();
            }
            opQstr(-2, Opcode.STORE_ATTR, q);
        }
    }

    @Override
    public void dupTop() {
        w.op(1, Opcode.DUP_TOP);
    }

    @Override
    public void dupTopTwo() {
        w.op(2, Opcode.DUP_TOP_TWO);
    }

    @Override
    public void popTop() {
        w.op(-1, Opcode.POP_TOP);
    }

    @Override
    public void rotTwo() {
        w.op(0, Opcode.ROT_TWO);
    }

    @Override
    public void rotThree() {
        w.op(0, Opcode.ROT_THREE);
    }

    @Override
    public void jump(int label) {
        w.opLabel(0, Opcode.JUMP, label);
        w.suppress();
    }

    @Override
    public void popJumpIf(boolean cond, int label) {
        w.opLabel(-1, cond ? Opcode.POP_JUMP_IF_TRUE : Opcode.POP_JUMP_IF_FALSE, label);
    }

    @Override
    public void jumpIfOrPop(boolean cond, int label) {
        w.opLabel(-1, cond ? Opcode.JUMP_IF_TRUE_OR_POP : Opcode.JUMP_IF_FALSE_OR_POP, label);
    }

    @Override
    public void unwindJump(int label, int exceptDepth) {
        boolean fromFor = (label & BREAK_FROM_FOR) != 0;
        int target = label & ~BREAK_FROM_FOR;
        if (exceptDepth == 0) {
            if (fromFor) {
                // pop the iterator and its buffer
                for (int i = 0; i < ITER_BUF_SLOTS; i++) {
                    w.op(0, Opcode.POP_TOP);
                }
            }
            w.opLabel(0, Opcode.JUMP, target);
        } else {
            w.opLabel(0, Opcode.UNWIND_JUMP, target);
            w.extraByte((fromFor ? 0x80 : 0) | exceptDepth);
        }
        w.suppress();
    }

    @Override
    public void setupBlock(int label, Block kind) {
        switch (kind) {
            // SETUP_WITH pops the context manager and pushes __exit__, it and the value
            case WITH -> w.opLabel(2, Opcode.SETUP_WITH, label);
            case EXCEPT -> w.opLabel(0, Opcode.SETUP_EXCEPT, label);
            default -> w.opLabel(0, Opcode.SETUP_FINALLY, label);
        }
    }

    @Override
    public void withCleanup(int label) {
        loadConstTok(TokenKind.KW_NONE);
        labelAssign(label);
        // room to call __exit__, cancelled at once along with SETUP_WITH's 2
        w.op(2, Opcode.WITH_CLEANUP);
        adjustStackSize(-4);
    }

    @Override
    public void asyncWithSetupFinally(int labelAexitNoExc, int labelFinallyBlock, int labelRetUnwindJump) {
        loadConstTok(TokenKind.KW_NONE);
        rotTwo();
        jump(labelAexitNoExc);
        labelAssign(labelFinallyBlock);
        dupTop();
        loadGlobal("BaseException", true);
        binaryOp(BinaryOp.EXCEPTION_MATCH);
        popJumpIf(false, labelRetUnwindJump);
    }

    @Override
    public void endFinally() {
        w.op(-1, Opcode.END_FINALLY);
    }

    @Override
    public void getIter(boolean useStack) {
        if (useStack) {
            w.op(ITER_BUF_SLOTS - 1, Opcode.GET_ITER_STACK);
        } else {
            w.op(0, Opcode.GET_ITER);
        }
    }

    @Override
    public void forIter(int label) {
        w.opLabel(1, Opcode.FOR_ITER, label);
    }

    @Override
    public void forIterEnd() {
        adjustStackSize(-ITER_BUF_SLOTS);
    }

    @Override
    public void popExceptJump(int label, boolean withinExcHandler) {
        w.opLabel(0, Opcode.POP_EXCEPT_JUMP, label);
        w.suppress();
    }

    @Override
    public void unaryOp(UnaryOp op) {
        w.op(0, Opcode.UNARY_OP_MULTI, op.ordinal());
    }

    @Override
    public void binaryOp(BinaryOp op) {
        w.op(-1, Opcode.BINARY_OP_MULTI, op.ordinal());
    }

    @Override
    public void binaryOpInverted(BinaryOp op) {
        // "not in" and "is not" are "in" and "is" followed by "not"
        binaryOp(op);
        w.op(0, Opcode.UNARY_OP_MULTI, UnaryOp.NOT.ordinal());
    }

    @Override
    public void build(int n, Build kind) {
        int stackAdj = kind == Build.MAP ? 1 : 1 - n;
        Opcode opcode = switch (kind) {
            case TUPLE -> Opcode.BUILD_TUPLE;
            case LIST -> Opcode.BUILD_LIST;
            case MAP -> Opcode.BUILD_MAP;
            case SET -> Opcode.BUILD_SET;
            case SLICE -> Opcode.BUILD_SLICE;
        };
        w.opUint(stackAdj, opcode, n);
    }

    @Override
    public void storeMap() {
        w.op(-2, Opcode.STORE_MAP);
    }

    @Override
    public void storeComp(ScopeKind kind, int collectionStackIndex) {
        int n;
        int t;
        if (kind == ScopeKind.LIST_COMP) {
            n = 0;
            t = 0;
        } else if (kind == ScopeKind.DICT_COMP) {
            n = 1;
            t = 1;
        } else {
            n = 0;
            t = 2;
        }
        // the low 2 bits say which kind of collection
        w.opUint(-1 - n, Opcode.STORE_COMP, ((long) (collectionStackIndex + n) << 2) | t);
    }

    @Override
    public void unpackSequence(int n) {
        w.opUint(-1 + n, Opcode.UNPACK_SEQUENCE, n);
    }

    @Override
    public void unpackEx(int nLeft, int nRight) {
        w.opUint(-1 + nLeft + nRight + 1, Opcode.UNPACK_EX, nLeft | ((long) nRight << 8));
    }

    @Override
    public void makeFunction(Scope s, int nPosDefaults, int nKwDefaults) {
        if (nPosDefaults == 0 && nKwDefaults == 0) {
            opChild(1, Opcode.MAKE_FUNCTION, s);
        } else {
            opChild(-1, Opcode.MAKE_FUNCTION_DEFARGS, s);
        }
    }

    @Override
    public void makeClosure(Scope s, int nClosedOver, int nPosDefaults, int nKwDefaults) {
        if (nPosDefaults == 0 && nKwDefaults == 0) {
            opChild(-nClosedOver + 1, Opcode.MAKE_CLOSURE, s);
        } else {
            opChild(-2 - nClosedOver + 1, Opcode.MAKE_CLOSURE_DEFARGS, s);
        }
        w.extraByte(nClosedOver);
    }

    @Override
    public void callFunction(int nPositional, int nKeyword, int starFlags) {
        callHelper(0, Opcode.CALL_FUNCTION, Opcode.CALL_FUNCTION_VAR_KW, nPositional, nKeyword, starFlags);
    }

    @Override
    public void callMethod(int nPositional, int nKeyword, int starFlags) {
        callHelper(-1, Opcode.CALL_METHOD, Opcode.CALL_METHOD_VAR_KW, nPositional, nKeyword, starFlags);
    }

    private void callHelper(int stackAdj, Opcode plain, Opcode varKw, int nPositional, int nKeyword, int starFlags) {
        long arg = ((long) nKeyword << 8) | nPositional;
        if (starFlags != 0) {
            // each keyword argument is a key and a value; one more slot holds the star map
            w.opUint(stackAdj - nPositional - 2 * nKeyword - 1, varKw, arg);
        } else {
            w.opUint(stackAdj - nPositional - 2 * nKeyword, plain, arg);
        }
    }

    @Override
    public void returnValue() {
        w.op(-1, Opcode.RETURN_VALUE);
        w.suppress();
    }

    @Override
    public void raiseVarargs(int nArgs) {
        w.op(-nArgs, nArgs == 0 ? Opcode.RAISE_LAST : nArgs == 1 ? Opcode.RAISE_OBJ : Opcode.RAISE_FROM);
        w.suppress();
    }

    @Override
    public void yield(boolean from) {
        w.op(from ? -1 : 0, from ? Opcode.YIELD_FROM : Opcode.YIELD_VALUE);
        scope.addFlags(Scope.FLAG_GENERATOR);
    }

    @Override
    public void startExceptHandler() {
        // the exception, plus 3 for a possible UNWIND_JUMP state
        adjustStackSize(4);
    }

    @Override
    public void endExceptHandler() {
        adjustStackSize(-3);
    }
}
