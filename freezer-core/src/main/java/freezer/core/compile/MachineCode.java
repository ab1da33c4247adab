package freezer.core.compile;

import freezer.core.ErrorType;
import freezer.core.emit.Emitter;
import freezer.core.emit.InlineAssembler;
import freezer.core.emit.NativeEmitter;
import freezer.core.emit.NativeTarget;
import freezer.core.emit.asm.NativeAssembler;

/**
 * The compiler's side of machine code for one module: the native emitter and the inline
 * assembler of the {@code -march} target, made when the first scope needs them (as compile.c
 * makes emit_native and emit_inline_asm), and whether the module holds any machine code (which
 * puts the architecture in the .mpy header).
 */
final class MachineCode {
    private final Compiler c;
    private final int maxLabels;
    private final NativeTarget target;
    private NativeEmitter nativeEmitter;
    private InlineAsmCompiler inlineAsm;

    MachineCode(Compiler c, int maxLabels) {
        this.c = c;
        this.maxLabels = maxLabels;
        this.target = NativeTarget.of(c.options.arch());
    }

    /** Whether an emitter of machine code was made (compile.c's has_native). */
    boolean used() {
        return nativeEmitter != null || inlineAsm != null;
    }

    /**
     * The native emitter for a native or viper scope, or null after recording why there is none
     * (the compile then stops, as compile.c jumps to emit_finished).
     */
    Emitter nativeEmitter(Scope s) {
        if (nativeEmitter != null) {
            return nativeEmitter;
        }
        if (target == null || !target.hasNativeEmitter()) {
            c.setError(ErrorType.NotImplementedError, "cannot emit native code for this architecture", null);
            return null;
        }
        if (target == NativeTarget.DEBUG) {
            c.setError(ErrorType.NotImplementedError,
                    "-march=debug is not supported: freezer does not write the native emitter's text trace", s.node);
            return null;
        }
        NativeAssembler as = target.newNativeAssembler(maxLabels, c.options.archFlags());
        if (as == null) {
            c.setError(ErrorType.NotImplementedError,
                    "freezer cannot emit native code for -march=" + target.arch().marchName() + " yet", s.node);
            return null;
        }
        nativeEmitter = new NativeEmitter(c.common, c.errorSlot, () -> c.nextLabel, as, target.sizeofNlrBuf());
        return nativeEmitter;
    }

    /** The passes of an inline-assembler scope after the scope pass (compile.c's inline-asm branch). */
    void compileInlineAsm(Scope s) {
        if (inlineAsm == null) {
            InlineAssembler asm = target == null ? null : target.newInlineAssembler(maxLabels, c.options.archFlags());
            if (asm == null) {
                c.scopeCur = s;
                c.setError(ErrorType.NotImplementedError, "freezer cannot emit inline assembler for -march="
                        + c.options.arch().marchName() + " yet", s.node);
                return;
            }
            inlineAsm = new InlineAsmCompiler(c, asm);
        }
        inlineAsm.compile(s);
    }
}
