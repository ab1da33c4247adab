package freezer.image.frozenc;

import freezer.core.NativeArch;
import freezer.core.bytecode.OperandFormat;
import freezer.core.mpy.AsmFunction;
import freezer.core.mpy.BytecodeFunction;
import freezer.core.mpy.CodeKind;
import freezer.core.mpy.FunDataSections;
import freezer.core.mpy.Instruction;
import freezer.core.mpy.MpyToolText;
import freezer.core.mpy.NativePyFunction;
import freezer.core.mpy.Prelude;
import freezer.core.mpy.ViperFunction;
import freezer.image.layout.CType;
import freezer.image.layout.Presence;
import freezer.image.layout.Refs;
import freezer.image.map.ItemKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A module's functions as C (mpy-tool.py RawCodeBytecode.freeze, RawCodeNative.freeze,
 * freeze_children, freeze_raw_code): each function's data, then its children, then its children
 * table and raw-code structure.
 */
final class RawCodeWriter {
    /** Scope flags a native function may have and still be frozen: mpy-tool.py cannot relocate code. */
    private static final int FREEZABLE_NATIVE_FLAGS = 0x0f;
    private static final int SCOPE_FLAG_GENERATOR = 0x01;
    private static final int MACHINE_CODE_BYTES_PER_LINE = 16;

    private final FreezeContext ctx;
    private final ReadModule module;
    private final CText c;
    private final CObjects objects;
    private final List<FrozenFunction> functions = new ArrayList<>();

    RawCodeWriter(FreezeContext ctx, ReadModule module, CText c, CObjects objects) {
        this.ctx = ctx;
        this.module = module;
        this.c = c;
        this.objects = objects;
    }

    List<FrozenFunction> functions() {
        return functions;
    }

    void write(NamedCode rc) throws FreezeException {
        functions.add(new FrozenFunction(rc.cName(), MpyToolText.plain(rc.simpleName()), codeName(rc.code().kind())));
        objects.function(rc.cName());
        if (rc.code() instanceof BytecodeFunction f) {
            bytecode(rc, f);
        } else {
            nativeCode(rc);
        }
    }

    private String sourceName() {
        return MpyToolText.plain(module.sourceName());
    }

    private String qstr(int index) {
        return module.qstrs().get(index);
    }

    private void bytecode(NamedCode rc, BytecodeFunction f) throws FreezeException {
        byte[] bc = f.funData();
        FunDataSections s = FunDataSections.of(f);
        String name = rc.cName();
        c.line("// frozen bytecode for file " + sourceName() + ", scope " + name);
        c.line("static const byte fun_data_" + name + "[" + bc.length + "] = {");
        c.text("    ").bytes(bc, 0, s.sourceInfo()).line(" // prelude");
        StringBuilder names = new StringBuilder();
        names.append(MpyToolText.plain(qstr(f.simpleName())));
        for (int a : f.argNames()) {
            names.append(", ").append(MpyToolText.plain(qstr(a)));
        }
        c.text("    ").bytes(bc, s.sourceInfo(), s.lineInfo()).line(" // names: " + names);
        c.text("    ").bytes(bc, s.lineInfo(), s.opcodes()).line(" // code info");
        for (Instruction i : f.instructions()) {
            int at = s.opcodes() + i.offset();
            c.text("    ");
            for (int k = 0; k < i.size(); k++) {
                if (k > 0) {
                    c.text(",");
                }
                c.hex(bc[at + k]);
            }
            c.line(", // " + opcodeComment(i));
        }
        c.line("};");
        objects.add("fun_data_" + name, ItemKind.BYTECODE, new CType.Ints(bc.length, 1), Refs.NONE);
        children(rc, null);
        rawCode(rc, null, 0, CodeKind.BYTECODE, f.prelude().scopeFlags(), bc.length, 0, f, s);
        ctx.stats().bcContent += bc.length;
    }

    private String opcodeComment(Instruction i) {
        String name = MpyToolText.opcodeName(i);
        OperandFormat fmt = i.opcode().format();
        if (fmt == OperandFormat.QSTR) {
            return name + " " + MpyToolText.strRepr(qstr((int) i.arg()));
        }
        if (fmt == OperandFormat.VAR_UINT || fmt == OperandFormat.OFFSET) {
            return name + " " + i.arg();
        }
        return name;
    }

    private void nativeCode(NamedCode rc) throws FreezeException {
        byte[] code;
        int scopeFlags;
        int preludeOffset = 0;
        long typeSig = 0;
        if (rc.code() instanceof NativePyFunction n) {
            code = n.machineCode();
            scopeFlags = n.prelude().signature().scopeFlags();
            preludeOffset = n.preludeOffset();
        } else if (rc.code() instanceof ViperFunction v) {
            code = v.machineCode();
            scopeFlags = v.scopeFlags();
        } else {
            AsmFunction a = (AsmFunction) rc.code();
            code = a.machineCode();
            scopeFlags = a.scopeFlags();
            typeSig = a.typeSig();
        }
        String name = rc.cName();
        if ((scopeFlags & ~FREEZABLE_NATIVE_FLAGS) != 0) {
            throw new FreezeException(MpyToolText.plain(module.sourceName()), "function " + MpyToolText.plain(rc.simpleName())
                    + " holds code with relocations, read-only data or BSS (scope flags 0x" + Integer.toHexString(scopeFlags)
                    + "), which mpy-tool.py cannot freeze");
        }
        NativeArch arch = ctx.reader().arch();
        c.line();
        c.line("// frozen native code for file " + sourceName() + ", scope " + name);
        c.line("static const byte fun_data_" + name + "[" + code.length + "] " + attributes(arch) + " = {");
        for (int i = 0; i < code.length; i += MACHINE_CODE_BYTES_PER_LINE) {
            c.text("   ");
            for (int k = i; k < Math.min(i + MACHINE_CODE_BYTES_PER_LINE, code.length); k++) {
                c.text(" ").hex(code[k]).text(",");
            }
            c.line();
        }
        c.line("};");
        objects.add("fun_data_" + name, ItemKind.MACHINE_CODE, new CType.MachineCode(code.length, alignment(arch)),
                Refs.NONE);
        String preludePtr = null;
        if (rc.code() instanceof NativePyFunction) {
            preludePtr = "fun_data_" + name + "_prelude_macro";
            int n = code.length - preludeOffset;
            c.line("#if MICROPY_EMIT_NATIVE_PRELUDE_SEPARATE_FROM_MACHINE_CODE");
            c.text("static const byte fun_data_" + name + "_prelude[" + n + "] = {");
            for (int i = 0; i < n; i++) {
                c.text(" ").hex(code[preludeOffset + i]).text(",");
            }
            c.line("};");
            c.line("#define " + preludePtr + " &fun_data_" + name + "_prelude[0]");
            c.line("#else");
            c.line("#define " + preludePtr + " &fun_data_" + name + "[" + preludeOffset + "]");
            c.line("#endif");
            objects.add("fun_data_" + name + "_prelude", ItemKind.NATIVE_PRELUDE, new CType.Ints(n, 1), Refs.NONE,
                    Presence.SEPARATE_NATIVE_PRELUDE, null);
        }
        children(rc, preludePtr);
        rawCode(rc, preludePtr, typeSig, rc.code().kind(), scopeFlags, code.length, preludeOffset, null, null);
    }

    /** mpy-tool.py RawCodeNative: the section trick that puts the array in .text, and its alignment. */
    private static String attributes(NativeArch arch) {
        String a = switch (arch) {
            case X86, X64, XTENSA, XTENSAWIN, RV32IMC, RV64IMC -> "__attribute__((section(\".text,\\\"ax\\\",@progbits # \")))";
            default -> "__attribute__((section(\".text,\\\"ax\\\",%progbits @ \")))";
        };
        int align = alignment(arch);
        return align > 1 ? a + " __attribute__ ((aligned (" + align + ")))" : a;
    }

    /** ARM needs words, Thumb and RISC-V compressed half words, Xtensa words (its constant table); x86 bytes. */
    static int alignment(NativeArch arch) {
        return switch (arch) {
            case ARMV6, XTENSA, XTENSAWIN -> 4;
            case ARMV6M, ARMV7M, ARMV7EM, ARMV7EMSP, ARMV7EMDP, RV32IMC, RV64IMC -> 2;
            default -> 1;
        };
    }

    private void children(NamedCode rc, String preludePtr) throws FreezeException {
        if (rc.children().isEmpty()) {
            return;
        }
        for (NamedCode child : rc.children()) {
            c.line("// child of " + rc.cName());
            write(child);
            objects.function(rc.cName());
            c.line();
        }
        c.line("static const mp_raw_code_t *const children_" + rc.cName() + "[] = {");
        for (NamedCode child : rc.children()) {
            c.line("    (const mp_raw_code_t *)&proto_fun_" + child.cName() + ",");
        }
        if (preludePtr != null) {
            c.line("    (void *)" + preludePtr + ",");
        }
        c.line("};");
        c.line();
        objects.add("children_" + rc.cName(), ItemKind.CHILDREN,
                new CType.Pointers(rc.children().size() + (preludePtr != null ? 1 : 0)), Refs.LOCAL);
    }

    private void rawCode(NamedCode rc, String preludePtr, long typeSig, CodeKind kind, int scopeFlags, int funDataLen,
            int preludeOffset, BytecodeFunction f, FunDataSections s) {
        String name = rc.cName();
        boolean asm = kind == CodeKind.NATIVE_ASM;
        boolean minimal = kind == CodeKind.BYTECODE && rc.children().isEmpty() && preludePtr == null;
        if (minimal) {
            c.line("#if MICROPY_PERSISTENT_CODE_SAVE");
        }
        c.line("static const " + (asm ? "mp_raw_code_t" : "mp_raw_code_truncated_t") + " proto_fun_" + name + " = {");
        c.line("    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,");
        c.line("    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,");
        c.line("    .kind = " + kind.upstreamName() + ",");
        c.line("    .is_generator = " + ((scopeFlags & SCOPE_FLAG_GENERATOR) != 0 ? 1 : 0) + ",");
        c.line("    .fun_data = fun_data_" + name + ",");
        if (!rc.children().isEmpty()) {
            c.line("    .children = (void *)&children_" + name + ",");
        } else if (preludePtr != null) {
            c.line("    .children = (void *)" + preludePtr + ",");
        } else {
            c.line("    .children = NULL,");
        }
        c.line("    #if MICROPY_PERSISTENT_CODE_SAVE");
        c.line("    .fun_data_len = " + funDataLen + ",");
        c.line("    .n_children = " + rc.children().size() + ",");
        c.line("    #if MICROPY_EMIT_MACHINE_CODE");
        c.line("    .prelude_offset = " + preludeOffset + ",");
        c.line("    #endif");
        if (kind == CodeKind.BYTECODE) {
            Prelude p = f.prelude();
            c.line("    #if MICROPY_PY_SYS_SETTRACE");
            c.line("    .line_of_definition = 0,");
            c.line("    .prelude = {");
            c.line("        .n_state = " + p.nState() + ",");
            c.line("        .n_exc_stack = " + p.nExcStack() + ",");
            c.line("        .scope_flags = " + p.scopeFlags() + ",");
            c.line("        .n_pos_args = " + p.nPosArgs() + ",");
            c.line("        .n_kwonly_args = " + p.nKwonlyArgs() + ",");
            c.line("        .n_def_pos_args = " + p.nDefPosArgs() + ",");
            c.line("        .qstr_block_name_idx = " + f.simpleName() + ",");
            c.line("        .line_info = fun_data_" + name + " + " + s.lineInfo() + ",");
            c.line("        .line_info_top = fun_data_" + name + " + " + s.closureInfo() + ",");
            c.line("        .opcodes = fun_data_" + name + " + " + s.opcodes() + ",");
            c.line("    },");
            c.line("    #endif");
        }
        c.line("    #endif");
        if (asm) {
            c.line("    .asm_n_pos_args = " + ((AsmFunction) rc.code()).nPosArgs() + ",");
            c.line("    .asm_type_sig = " + typeSig + ",");
        }
        c.line("};");
        if (minimal) {
            c.line("#else");
            c.line("#define proto_fun_" + name + " fun_data_" + name + "[0]");
            c.line("#endif");
        }
        objects.add("proto_fun_" + name, ItemKind.RAW_CODE, new CType.RawCode(asm), Refs.LOCAL,
                minimal ? Presence.PERSISTENT_CODE_SAVE : Presence.ALWAYS, null);
        ctx.stats().rawCodeCount++;
        ctx.stats().rawCodeContent += 4 * 4;
    }

    private static String codeName(CodeKind kind) {
        return switch (kind) {
            case BYTECODE -> "bytecode";
            case NATIVE_PY -> "native";
            case NATIVE_VIPER -> "viper";
            case NATIVE_ASM -> "asm";
        };
    }
}
