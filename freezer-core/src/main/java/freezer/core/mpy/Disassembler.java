package freezer.core.mpy;

import freezer.core.ByteStrings;
import freezer.core.bytecode.Opcode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The text {@code tools/mpy-tool.py -d FILE} prints (MicroPython v1.28.0): header, qstr and
 * object tables, then every function with its prelude, line info, opcodes and children.
 * Strings that are not valid UTF-8, where mpy-tool.py stops with a UnicodeDecodeError, are
 * printed with {@code \xNN} escapes instead (see docs/dis.md).
 */
public final class Disassembler {
    /** mpy-tool.py MP_NATIVE_ARCH_NAMES. */
    private static final String[] ARCH_NAMES = {"NONE", "X86", "X64", "ARMV6", "ARMV6M", "ARMV7M", "ARMV7EM",
        "ARMV7EMSP", "ARMV7EMDP", "XTENSA", "XTENSAWIN", "RV32IMC", "RV64IMC"};
    /** mpy-tool.py mp_unary_op_method_name. */
    private static final String[] UNARY_NAMES = {"__pos__", "__neg__", "__invert__", "<not>"};
    /** mpy-tool.py mp_binary_op_method_name. */
    private static final String[] BINARY_NAMES = {"__lt__", "__gt__", "__eq__", "__le__", "__ge__", "__ne__",
        "<in>", "<is>", "<exception match>", "__ior__", "__ixor__", "__iand__", "__ilshift__", "__irshift__",
        "__iadd__", "__isub__", "__imul__", "__imatmul__", "__ifloordiv__", "__itruediv__", "__imod__", "__ipow__",
        "__or__", "__xor__", "__and__", "__lshift__", "__rshift__", "__add__", "__sub__", "__mul__", "__matmul__",
        "__floordiv__", "__truediv__", "__mod__", "__pow__"};
    private static final int RAW_DATA_SHOWN = 32;

    private final CompiledModule module;
    private final StringBuilder out = new StringBuilder();

    private Disassembler(CompiledModule module) {
        this.module = module;
    }

    /**
     * The disassembly of one module.
     *
     * @param mpySourceFile the file name as given on the command line (mpy-tool prints it first)
     */
    public static String disassemble(String mpySourceFile, CompiledModule module) {
        Disassembler d = new Disassembler(module);
        d.module(mpySourceFile);
        return d.out.toString();
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void module(String mpySourceFile) {
        MpyHeader h = module.header();
        line("mpy_source_file: " + mpySourceFile);
        line("source_file: " + qstr(0));
        line("header: " + Hex.colons(MpyWriter.headerBytes(h)));
        line("arch: " + archName(h.featuresByte()));
        if ((h.featuresByte() & MpyHeader.ARCH_FLAGS_BIT) != 0) {
            line("arch_flags: 0x" + Long.toHexString(h.archFlags()));
        }
        line("qstr_table[" + module.qstrs().size() + "]:");
        for (String q : module.qstrs()) {
            line("    " + Utf8Text.plain(q));
        }
        line("obj_table: " + ConstRepr.list(module.constants()));
        Deque<RawCode> stack = new ArrayDeque<>();
        stack.push(module.root());
        while (!stack.isEmpty()) {
            RawCode rc = stack.pop();
            boolean showsChildren = function(rc);
            if (showsChildren) {
                List<RawCode> children = rc.children();
                for (int i = children.size() - 1; i >= 0; i--) {
                    stack.push(children.get(i));
                }
            }
        }
    }

    /** mpy-tool.py masks the arch field with 0x2f, so the arch-flags bit does not count. */
    static String archName(int featuresByte) {
        int index = featuresByte >> 2 & 0x2f;
        return index < ARCH_NAMES.length ? ARCH_NAMES[index] : "UNKNOWN";
    }

    private String qstr(int index) {
        return Utf8Text.plain(module.qstrs().get(index));
    }

    /** Prints one function; returns whether mpy-tool goes on to its children. */
    private boolean function(RawCode rc) {
        if (rc instanceof BytecodeFunction f) {
            bytecode(f);
            return true;
        }
        line("simple_name: " + simpleName(module, rc));
        byte[] code = ((NativeCode) rc).machineCode();
        int shown = Math.min(code.length, RAW_DATA_SHOWN);
        line("  raw data: " + code.length + " " + Hex.colons(code, 0, shown) + " "
                + (code.length > RAW_DATA_SHOWN ? "..." : ""));
        if (!(rc instanceof NativePyFunction n)) {
            // mpy-tool.py shows nothing more of viper and asm functions, not even their children
            return false;
        }
        NativePyFunction.EmbeddedPrelude p = n.prelude();
        line("  prelude: " + p.signature().asTuple());
        line("  args: " + argList(p.argNames()));
        line("  line info: " + PythonRepr.bytes(ByteStrings.of(code, p.lineInfoStart(), p.lineInfoEnd())));
        for (int ip = 0; ip < n.preludeOffset(); ip += 16) {
            line("  " + Hex.colons(code, ip, Math.min(ip + 16, n.preludeOffset())));
        }
        children(rc);
        return true;
    }

    private void bytecode(BytecodeFunction f) {
        byte[] funData = f.funData();
        line("simple_name: " + qstr(f.simpleName()));
        line("  raw bytecode: " + funData.length + " " + Hex.colons(funData));
        line("  prelude: " + f.prelude().asTuple());
        line("  args: " + argList(f.argNames()));
        line("  line info: " + Hex.colons(f.lineInfoAndCells()));
        for (Instruction i : f.instructions()) {
            String pre = "  " + pad(Hex.colons(i.bytes()), 11) + " " + opcodeName(i);
            line(pre + " " + argText(module.qstrs(), module.constants(), i));
        }
        children(f);
    }

    private void children(RawCode rc) {
        StringBuilder b = new StringBuilder("  children: [");
        List<RawCode> children = rc.children();
        for (int i = 0; i < children.size(); i++) {
            if (i != 0) {
                b.append(", ");
            }
            b.append(simpleName(module, children.get(i)));
        }
        line(b.append(']').toString());
    }

    private String argList(List<Integer> names) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < names.size(); i++) {
            if (i != 0) {
                b.append(", ");
            }
            b.append(PythonRepr.str(module.qstrs().get(names.get(i))));
        }
        return b.append(']').toString();
    }

    private static String pad(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) {
            b.append(' ');
        }
        return b.toString();
    }

    /** The name mpy-tool.py shows for a function: viper and asm code shows the source file. */
    static String simpleName(CompiledModule module, RawCode rc) {
        int q;
        if (rc instanceof BytecodeFunction f) {
            q = f.simpleName();
        } else if (rc instanceof NativePyFunction n) {
            q = n.prelude().simpleName();
        } else {
            q = 0;
        }
        return Utf8Text.plain(module.qstrs().get(q));
    }

    /** mpy-tool.py's Opcode.mapping: the name, and for *_MULTI opcodes the value they carry. */
    static String opcodeName(Instruction i) {
        Opcode op = i.opcode();
        int v = (int) i.arg();
        switch (op) {
            case LOAD_CONST_SMALL_INT_MULTI:
                return "LOAD_CONST_SMALL_INT " + v;
            case LOAD_FAST_MULTI:
                return "LOAD_FAST " + v;
            case STORE_FAST_MULTI:
                return "STORE_FAST " + v;
            case UNARY_OP_MULTI:
                return "UNARY_OP " + v + " " + UNARY_NAMES[v];
            case BINARY_OP_MULTI:
                return "BINARY_OP " + v + " " + BINARY_NAMES[v];
            default:
                return op.name();
        }
    }

    /** What mpy-tool.py prints after the opcode name: a qstr, a constant's repr, a number, or nothing. */
    static String argText(List<String> qstrs, List<ConstObject> constants, Instruction i) {
        if (i.opcode() == Opcode.LOAD_CONST_OBJ) {
            return ConstRepr.repr(constants.get((int) i.arg()));
        }
        switch (i.opcode().format()) {
            case QSTR:
                return Utf8Text.plain(qstrs.get((int) i.arg()));
            case VAR_UINT:
            case OFFSET:
                return Long.toString(i.arg());
            default:
                return "";
        }
    }
}
