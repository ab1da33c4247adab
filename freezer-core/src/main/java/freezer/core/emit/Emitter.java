package freezer.core.emit;

import freezer.core.bytecode.BinaryOp;
import freezer.core.bytecode.UnaryOp;
import freezer.core.compile.Scope;
import freezer.core.compile.ScopeKind;
import freezer.core.lexer.TokenKind;
import freezer.core.parse.ConstValue;

/**
 * What the compiler asks of a code emitter (py/emit.h's method table): {@link BytecodeEmitter}
 * (py/emitbc.c) and {@link NativeEmitter} (py/emitnative.c, for native and viper code). The
 * compiler walks each scope once per {@link Pass} and calls these in the same order every pass;
 * the emitter leaves the finished function in the scope's {@link CodeHolder} at the end of the
 * last EMIT pass.
 */
public interface Emitter {
    /** Whether a subscript or attribute is read, written or deleted. */
    enum Access {
        LOAD, STORE, DELETE
    }

    /** The blocks SETUP_* opcodes open. */
    enum Block {
        WITH, EXCEPT, FINALLY
    }

    /** The collections BUILD_* opcodes make. */
    enum Build {
        TUPLE, LIST, MAP, SET, SLICE
    }

    void startPass(Pass pass, Scope scope);

    /** Ends a pass; false asks for the pass to be run again. */
    boolean endPass();

    void adjustStackSize(int delta);

    void setSourceLine(int line);

    void loadLocal(String name, int localNum, boolean deref);

    void loadGlobal(String name, boolean explicit);

    void storeLocal(String name, int localNum, boolean deref);

    void storeGlobal(String name, boolean explicit);

    void deleteLocal(String name, int localNum, boolean deref);

    void deleteGlobal(String name, boolean explicit);

    void labelAssign(int label);

    void importName(String name);

    void importFrom(String name);

    void importStar();

    void loadConstTok(TokenKind tok);

    void loadConstSmallInt(long value);

    void loadConstStr(String qstr);

    void loadConstObj(ConstValue obj);

    void loadNull();

    void loadMethod(String name, boolean isSuper);

    void loadBuildClass();

    void subscr(Access kind);

    void attr(String name, Access kind);

    void dupTop();

    void dupTopTwo();

    void popTop();

    void rotTwo();

    void rotThree();

    void jump(int label);

    void popJumpIf(boolean cond, int label);

    void jumpIfOrPop(boolean cond, int label);

    void unwindJump(int label, int exceptDepth);

    void setupBlock(int label, Block kind);

    void withCleanup(int label);

    void asyncWithSetupFinally(int labelAexitNoExc, int labelFinallyBlock, int labelRetUnwindJump);

    void endFinally();

    void getIter(boolean useStack);

    void forIter(int label);

    void forIterEnd();

    void popExceptJump(int label, boolean withinExcHandler);

    void unaryOp(UnaryOp op);

    void binaryOp(BinaryOp op);

    /** {@code not in} and {@code is not}: the operator, then NOT. */
    void binaryOpInverted(BinaryOp op);

    void build(int n, Build kind);

    void storeMap();

    void storeComp(ScopeKind kind, int collectionStackIndex);

    void unpackSequence(int n);

    void unpackEx(int nLeft, int nRight);

    void makeFunction(Scope scope, int nPosDefaults, int nKwDefaults);

    void makeClosure(Scope scope, int nClosedOver, int nPosDefaults, int nKwDefaults);

    void callFunction(int nPositional, int nKeyword, int starFlags);

    void callMethod(int nPositional, int nKeyword, int starFlags);

    void returnValue();

    void raiseVarargs(int nArgs);

    void yield(boolean from);

    void startExceptHandler();

    void endExceptHandler();
}
