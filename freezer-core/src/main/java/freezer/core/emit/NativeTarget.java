package freezer.core.emit;

import freezer.core.NativeArch;
import freezer.core.emit.asm.ArmAssembler;
import freezer.core.emit.asm.NativeAssembler;
import freezer.core.emit.asm.Rv32Assembler;
import freezer.core.emit.asm.ThumbAssembler;
import freezer.core.emit.asm.ThumbAssembler.Variant;
import freezer.core.emit.asm.X64Assembler;
import freezer.core.emit.asm.X86Assembler;
import freezer.core.emit.asm.XtensaAssembler;
import freezer.core.emit.inline.Rv32InlineAssembler;
import freezer.core.emit.inline.XtensaInlineAssembler;
import freezer.core.emit.inline.ThumbInlineAssembler;

/**
 * What each {@code -march} brings to the emitters: whether mpy-cross v1.28.0 has a native
 * emitter and an inline assembler for it (compile.c's emit_native_table and emit_asm_table),
 * the size of nlr_buf_t it assumes (mpy-cross/main.c), and freezer's assemblers for it where
 * they are written. A row without an assembler compiles bytecode as usual and rejects native
 * code with a clear error.
 */
public enum NativeTarget {
    X86(NativeArch.X86, 6, true, false, (labels, flags) -> new X86Assembler(labels), null),
    X64(NativeArch.X64, 10, true, false, (labels, flags) -> new X64Assembler(labels), null),
    ARMV6(NativeArch.ARMV6, 16, true, true, (labels, flags) -> new ArmAssembler(labels),
            thumbInline(Variant.ARMV6, false)),
    ARMV6M(NativeArch.ARMV6M, 16, true, true, thumb(Variant.ARMV6M),
            thumbInline(Variant.ARMV6M, false)),
    ARMV7M(NativeArch.ARMV7M, 16, true, true, thumb(Variant.ARMV7M),
            thumbInline(Variant.ARMV7M, false)),
    ARMV7EM(NativeArch.ARMV7EM, 16, true, true, thumb(Variant.ARMV7M),
            thumbInline(Variant.ARMV7M, false)),
    ARMV7EMSP(NativeArch.ARMV7EMSP, 16, true, true, thumb(Variant.ARMV7M),
            thumbInline(Variant.ARMV7M, true)),
    ARMV7EMDP(NativeArch.ARMV7EMDP, 16, true, true, thumb(Variant.ARMV7M),
            thumbInline(Variant.ARMV7M, true)),
    XTENSA(NativeArch.XTENSA, 10, true, true, (labels, flags) -> new XtensaAssembler(labels, false),
            (labels, flags) -> new XtensaInlineAssembler(labels, false)),
    XTENSAWIN(NativeArch.XTENSAWIN, 17, true, true, (labels, flags) -> new XtensaAssembler(labels, true),
            (labels, flags) -> new XtensaInlineAssembler(labels, true)),
    RV32IMC(NativeArch.RV32IMC, 14, true, true, (labels, flags) -> new Rv32Assembler(labels, flags),
            (labels, flags) -> new Rv32InlineAssembler(labels, flags)),
    /** Accepted by -march, but v1.28.0 has no emitter for it. */
    RV64IMC(NativeArch.RV64IMC, 14, false, false, null, null),
    /** Upstream's text trace of the native emitter, not machine code: freezer does not write it. */
    DEBUG(NativeArch.DEBUG, 0, true, false, null, null);

    private final NativeArch arch;
    private final int nlrBufNumRegs;
    private final boolean upstreamNative;
    private final boolean upstreamInlineAsm;
    private final Factory<NativeAssembler> nativeAssembler;
    private final Factory<InlineAssembler> inlineAssembler;

    /** Makes a module's assembler: for this many labels, with the {@code -march-flags} given (0 if none). */
    @FunctionalInterface
    public interface Factory<T> {
        T make(int maxLabels, long archFlags);
    }

    NativeTarget(NativeArch arch, int nlrBufNumRegs, boolean upstreamNative, boolean upstreamInlineAsm,
            Factory<NativeAssembler> nativeAssembler, Factory<InlineAssembler> inlineAssembler) {
        this.arch = arch;
        this.nlrBufNumRegs = nlrBufNumRegs;
        this.upstreamNative = upstreamNative;
        this.upstreamInlineAsm = upstreamInlineAsm;
        this.nativeAssembler = nativeAssembler;
        this.inlineAssembler = inlineAssembler;
    }

    private static Factory<NativeAssembler> thumb(Variant variant) {
        return (labels, flags) -> new ThumbAssembler(labels, variant);
    }

    /** asm_thumb: Thumb-1 or Thumb-2 as the variant says, the VFP instructions where there is an FPU. */
    private static Factory<InlineAssembler> thumbInline(Variant variant, boolean fpu) {
        return (labels, flags) -> new ThumbInlineAssembler(labels, variant, fpu);
    }

    /** The row of an architecture, or null for {@link NativeArch#NONE}. */
    public static NativeTarget of(NativeArch arch) {
        for (NativeTarget t : values()) {
            if (t.arch == arch) {
                return t;
            }
        }
        return null;
    }

    public NativeArch arch() {
        return arch;
    }

    /**
     * nlr_buf_t in words as mpy-cross sizes it for this target: two words, the saved registers,
     * and one more in case MICROPY_ENABLE_PYSTACK is on (emitnative.c SIZEOF_NLR_BUF).
     */
    public int sizeofNlrBuf() {
        return 2 + nlrBufNumRegs + 1;
    }

    /** Whether mpy-cross accepts {@code @micropython.native} and {@code viper} for this target. */
    public boolean hasNativeEmitter() {
        return upstreamNative;
    }

    /** Whether mpy-cross has an inline assembler for this target (any of the asm decorators selects it). */
    public boolean hasInlineAssembler() {
        return upstreamInlineAsm;
    }

    /** freezer's assembler for the native emitter, or null where it is not written yet. */
    public NativeAssembler newNativeAssembler(int maxLabels, long archFlags) {
        return nativeAssembler == null ? null : nativeAssembler.make(maxLabels, archFlags);
    }

    /** freezer's inline assembler, or null where it is not written yet. */
    public InlineAssembler newInlineAssembler(int maxLabels, long archFlags) {
        return inlineAssembler == null ? null : inlineAssembler.make(maxLabels, archFlags);
    }
}
