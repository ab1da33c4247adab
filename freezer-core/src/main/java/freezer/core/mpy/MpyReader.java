package freezer.core.mpy;

import freezer.core.ByteStrings;
import freezer.core.NativeArch;
import freezer.core.bytecode.Opcode;
import freezer.core.bytecode.OperandFormat;
import freezer.core.qstr.BuiltinQstrs;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Reads a .mpy of version 6 (py/persistentcode.c mp_raw_code_load) into a
 * {@link CompiledModule}, decoding and checking every part. Whatever it accepts,
 * {@link MpyWriter} writes back byte for byte: encodings no MicroPython tool writes (a varint
 * with a redundant leading byte, a spelled-out static qstr, a non-decimal int text) are
 * refused with the rest of the errors. Every error names its byte offset; no input allocates
 * more than the input's size allows.
 */
public final class MpyReader {
    /** Constant tuples nest at most this deep (mpy-cross itself fails well before). */
    public static final int MAX_TUPLE_DEPTH = 1000;
    private static final int PATH_DEPTH_SHOWN = 16;

    private final ByteInput in;
    private final MpyMap map;
    private NativeArch arch;
    private List<String> qstrs;
    private List<ConstObject> constants;

    private MpyReader(byte[] data, MpyMap map) {
        this.in = new ByteInput(data);
        this.map = map;
    }

    /**
     * A .mpy file as read: the module, and where it ends. Bytes after the module are not part of
     * it: MicroPython's loader stops reading at the module's end and mpy-tool.py ignores them, so
     * the reader accepts them too and the caller says so (they are often a sign of a bad copy).
     *
     * @param moduleLength the offset just past the module, where any trailing bytes start
     * @param fileLength the whole file's length
     */
    public record MpyFile(CompiledModule module, long moduleLength, long fileLength) {
        /** How many bytes follow the module. */
        public long trailingBytes() {
            return fileLength - moduleLength;
        }
    }

    /** Reads a .mpy file; bytes after the module are allowed (see {@link MpyFile}) and ignored. */
    public static CompiledModule read(byte[] data) throws MpyFormatException {
        return readFile(data).module();
    }

    /** Reads a .mpy file and says where the module ends, so that trailing bytes can be reported. */
    public static MpyFile readFile(byte[] data) throws MpyFormatException {
        MpyReader r = new MpyReader(data, null);
        CompiledModule m = r.module();
        return new MpyFile(m, r.in.offset(), data.length);
    }

    /** Reads a file and records which part each byte belongs to. */
    static Mapped readMapped(byte[] data) throws MpyFormatException {
        MpyMap map = new MpyMap();
        CompiledModule m = new MpyReader(data, map).module();
        return new Mapped(m, map);
    }

    record Mapped(CompiledModule module, MpyMap map) {
    }

    private void mark(long start, String function, String part) {
        if (map != null) {
            map.add(start, in.offset(), function, part);
        }
    }

    private CompiledModule module() throws MpyFormatException {
        MpyHeader header = header();
        long at = in.offset();
        int nQstr = in.uintAsInt("qstr count");
        mark(at, null, "qstr count " + nQstr);
        if (nQstr == 0) {
            throw in.errorAt(at, "the qstr table is empty; its entry 0 must be the source file name");
        }
        in.needItems(nQstr, "qstr");
        at = in.offset();
        int nObj = in.uintAsInt("constant count");
        mark(at, null, "constant count " + nObj);
        in.needItems(nObj, "constant");
        qstrs = new ArrayList<>();
        for (int i = 0; i < nQstr; i++) {
            qstrs.add(qstr(i));
        }
        constants = new ArrayList<>();
        for (int i = 0; i < nObj; i++) {
            long start = in.offset();
            ConstObject o = obj(0);
            constants.add(o);
            mark(start, null, "constant " + i + " (" + ConstRepr.typeName(o) + ") " + clip(ConstRepr.repr(o)));
        }
        RawCode root = rawCodes();
        return new CompiledModule(header, qstrs, constants, root);
    }

    private MpyHeader header() throws MpyFormatException {
        if (in.atEnd()) {
            throw in.error("empty file: a .mpy starts with 'M'");
        }
        int magic = in.u8("magic");
        if (magic != 'M') {
            throw in.errorAt(0, String.format("not a .mpy file: it starts with byte 0x%02x, a .mpy starts with 'M' (0x4d)",
                    magic));
        }
        int version = in.u8("version byte");
        if (version != MpyHeader.VERSION) {
            throw in.errorAt(1, MpyVersions.wrongVersion(version));
        }
        int features = in.u8("features byte");
        if ((features & 0x80) != 0) {
            throw in.errorAt(2, String.format("features byte 0x%02x has the reserved bit 7 set", features));
        }
        int archCode = features >> 2 & 0xf;
        Optional<NativeArch> a = NativeArch.byCode(archCode);
        if (a.isEmpty()) {
            throw in.errorAt(2, String.format("features byte 0x%02x names native architecture %d, which does not exist",
                    features, archCode));
        }
        arch = a.get();
        int sub = features & 3;
        if (arch == NativeArch.NONE && sub != 0) {
            throw in.errorAt(2, String.format("features byte 0x%02x: sub-version bits set in a file without native code"
                    + " (MicroPython writes 0 there)", features));
        }
        if (arch != NativeArch.NONE && sub != MpyHeader.SUB_VERSION) {
            throw in.errorAt(2, MpyVersions.wrongSubVersion(sub));
        }
        int smallIntBits = in.u8("small-int bits");
        mark(0, null, "header");
        long archFlags = 0;
        if ((features & MpyHeader.ARCH_FLAGS_BIT) != 0) {
            long start = in.offset();
            archFlags = in.uint("arch flags");
            if (archFlags == 0) {
                throw in.errorAt(start, "arch flags of 0 although the features byte says flags follow"
                        + " (MicroPython then leaves both out)");
            }
            mark(start, null, "arch flags");
        }
        return new MpyHeader(MpyHeader.VERSION, MpyHeader.SUB_VERSION, arch, smallIntBits, archFlags);
    }

    private String qstr(int i) throws MpyFormatException {
        long start = in.offset();
        long ln = in.uint("qstr " + i + " length");
        String s;
        if ((ln & 1) != 0) {
            long n = ln >> 1;
            s = n <= Integer.MAX_VALUE ? BuiltinQstrs.get().staticString((int) n) : null;
            if (s == null) {
                throw in.errorAt(start, "qstr " + i + " is static qstr " + n + ", but static qstrs are numbered 1 to "
                        + BuiltinQstrs.get().staticCount());
            }
        } else {
            s = ByteStrings.of(in.bytes(ln >> 1, "qstr " + i));
            nul("qstr " + i);
            int n = BuiltinQstrs.get().staticNumber(s);
            if (n >= 0) {
                throw in.errorAt(start, "qstr " + i + " " + clip(PythonRepr.str(s)) + " is spelled out, but it is static qstr "
                        + n + " and MicroPython writes its number");
            }
        }
        mark(start, null, "qstr " + i + " " + clip(PythonRepr.str(s)));
        return s;
    }

    private void nul(String what) throws MpyFormatException {
        long at = in.offset();
        int b = in.u8(what + " terminator");
        if (b != 0) {
            throw in.errorAt(at, String.format("%s is not followed by its NUL terminator (byte 0x%02x)", what, b));
        }
    }

    /** persistentcode.c load_obj. */
    private ConstObject obj(int depth) throws MpyFormatException {
        long start = in.offset();
        int type = in.u8("constant type");
        switch (type) {
            case MpyWriter.OBJ_FUN_TABLE:
                return ConstObject.Singleton.FUN_TABLE;
            case MpyWriter.OBJ_NONE:
                return ConstObject.Singleton.NONE;
            case MpyWriter.OBJ_FALSE:
                return ConstObject.Singleton.FALSE;
            case MpyWriter.OBJ_TRUE:
                return ConstObject.Singleton.TRUE;
            case MpyWriter.OBJ_ELLIPSIS:
                return ConstObject.Singleton.ELLIPSIS;
            case MpyWriter.OBJ_STR:
            case MpyWriter.OBJ_BYTES: {
                String what = type == MpyWriter.OBJ_STR ? "str constant" : "bytes constant";
                String s = ByteStrings.of(in.bytes(in.uint(what + " length"), what));
                nul(what);
                return type == MpyWriter.OBJ_STR ? new ConstObject.Str(s) : new ConstObject.Bytes(s);
            }
            case MpyWriter.OBJ_INT: {
                String text = ByteStrings.of(in.bytes(in.uint("int constant length"), "int constant"));
                if (!NumberText.isCanonicalInt(text)) {
                    throw in.errorAt(start, "int constant " + clip(PythonRepr.str(text))
                            + " is not a decimal integer as MicroPython writes one");
                }
                return new ConstObject.Int(NumberText.intValue(text));
            }
            case MpyWriter.OBJ_FLOAT:
            case MpyWriter.OBJ_COMPLEX: {
                boolean complex = type == MpyWriter.OBJ_COMPLEX;
                String what = complex ? "complex constant" : "float constant";
                String text = ByteStrings.of(in.bytes(in.uint(what + " length"), what));
                if (!NumberText.isMicroPythonFloat(text, complex)) {
                    throw in.errorAt(start, what + " " + clip(PythonRepr.str(text)) + " is not a number MicroPython can read");
                }
                return complex ? new ConstObject.ComplexRepr(text) : new ConstObject.FloatRepr(text);
            }
            case MpyWriter.OBJ_TUPLE: {
                int n = in.uintAsInt("tuple length");
                in.needItems(n, "tuple item");
                if (depth >= MAX_TUPLE_DEPTH) {
                    throw in.errorAt(start, "constant tuples nested deeper than " + MAX_TUPLE_DEPTH + " levels");
                }
                List<ConstObject> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(obj(depth + 1));
                }
                return new ConstObject.Tuple(items);
            }
            default:
                throw in.errorAt(start, "unknown constant type " + type);
        }
    }

    /** A function read up to its children. */
    private static final class Pending {
        CodeKind kind;
        String path;
        int depth;
        BytecodeDecoder.Decoded bytecode;
        byte[] code;
        int preludeOffset;
        int scopeFlags;
        byte[] rodata;
        long bssSize;
        List<Relocation> relocations = List.of();
        int nPosArgs;
        long typeSig;
        int nChildren;
        final List<RawCode> children = new ArrayList<>();

        RawCode build() {
            switch (kind) {
                case BYTECODE:
                    return bytecode.function(children);
                case NATIVE_PY:
                    return new NativePyFunction(code, preludeOffset, children);
                case NATIVE_VIPER:
                    return new ViperFunction(code, scopeFlags, rodata, bssSize, relocations, children);
                default:
                    return new AsmFunction(code, scopeFlags, nPosArgs, typeSig, children);
            }
        }
    }

    /** The module's function tree, read with an explicit stack (nesting has no fixed limit). */
    private RawCode rawCodes() throws MpyFormatException {
        Deque<Pending> stack = new ArrayDeque<>();
        stack.push(rawCode(null, 0));
        while (true) {
            Pending top = stack.peek();
            if (top.children.size() < top.nChildren) {
                stack.push(rawCode(top, top.children.size()));
                continue;
            }
            stack.pop();
            RawCode done = top.build();
            if (stack.isEmpty()) {
                return done;
            }
            stack.peek().children.add(done);
        }
    }

    /** persistentcode.c load_raw_code, without the children. */
    private Pending rawCode(Pending parent, int index) throws MpyFormatException {
        Pending p = new Pending();
        p.depth = parent == null ? 0 : parent.depth + 1;
        if (map != null) {
            p.path = parent == null ? "0"
                    : p.depth <= PATH_DEPTH_SHOWN ? parent.path + "." + index
                    : p.depth == PATH_DEPTH_SHOWN + 1 ? parent.path + "..." + index
                    : parent.path.substring(0, parent.path.lastIndexOf('.') + 1) + index;
        }
        long start = in.offset();
        long kindLen = in.uint("function kind and length");
        p.kind = CodeKind.ofBits((int) (kindLen & 3));
        boolean hasChildren = (kindLen & 4) != 0;
        long length = kindLen >>> 3;
        if (p.kind != CodeKind.BYTECODE && arch == NativeArch.NONE) {
            throw in.errorAt(start, p.kind.upstreamName() + " function in a file whose header names no native architecture");
        }
        if (length > in.remaining()) {
            throw in.error("truncated: function of " + length + " bytes runs past the end (" + in.remaining() + " left)");
        }
        long bodyAt = in.offset();
        String label = null;
        switch (p.kind) {
            case BYTECODE: {
                ByteInput body = in.slice((int) length);
                p.bytecode = BytecodeDecoder.decode(body, -1);
                checkNames(p.bytecode);
                label = label(qstrs.get(p.bytecode.simpleName()), p);
                break;
            }
            case NATIVE_PY: {
                p.code = in.bytes(length, "machine code");
                long at = in.offset();
                p.preludeOffset = in.uintAsInt("prelude offset");
                if (p.preludeOffset > length) {
                    throw in.errorAt(at, "prelude offset " + p.preludeOffset + " is past the end of the "
                            + length + " bytes of machine code");
                }
                NativePyFunction.EmbeddedPrelude prelude = NativePyFunction.readPrelude(p.code, p.preludeOffset, bodyAt);
                checkQstr(prelude.simpleName(), bodyAt + p.preludeOffset, "native function's simple name");
                for (int q : prelude.argNames()) {
                    checkQstr(q, bodyAt + p.preludeOffset, "native function's argument name");
                }
                label = label(qstrs.get(prelude.simpleName()), p);
                mark(bodyAt, label, "machine code");
                mark(at, label, "prelude offset");
                break;
            }
            case NATIVE_VIPER:
                p.code = in.bytes(length, "machine code");
                label = label(qstrs.get(0), p);
                mark(bodyAt, label, "machine code");
                viperExtras(p, hasChildren, label);
                break;
            default: {
                p.code = in.bytes(length, "machine code");
                label = label(qstrs.get(0), p);
                mark(bodyAt, label, "machine code");
                long at = in.offset();
                p.scopeFlags = in.uintAsInt("scope flags");
                p.nPosArgs = in.uintAsInt("number of arguments");
                p.typeSig = in.uint("type signature");
                mark(at, label, "scope flags, number of arguments and type signature");
                break;
            }
        }
        if (map != null) {
            map.add(start, bodyAt, label, "kind (" + p.kind.upstreamName() + ") and length (" + length + ")");
            if (p.bytecode != null) {
                markBytecode(p.bytecode, label);
            }
        }
        if (hasChildren) {
            long at = in.offset();
            p.nChildren = in.uintAsInt("children count");
            if (p.nChildren == 0) {
                throw in.errorAt(at, "children count of 0 although the kind says children follow"
                        + " (MicroPython then leaves both out)");
            }
            in.needItems(p.nChildren, "child function");
            mark(at, label, "children count " + p.nChildren);
        }
        if (p.bytecode != null) {
            checkChildren(p.bytecode, p.nChildren);
        }
        return p;
    }

    private String label(String simpleName, Pending p) {
        return map == null ? null : clip(PythonRepr.str(simpleName)) + " (path " + p.path + ")";
    }

    private void viperExtras(Pending p, boolean hasChildren, String label) throws MpyFormatException {
        long at = in.offset();
        p.scopeFlags = in.uintAsInt("scope flags");
        mark(at, label, "scope flags");
        long rodataSize = 0;
        if ((p.scopeFlags & ViperFunction.FLAG_RODATA) != 0) {
            at = in.offset();
            rodataSize = in.uint("rodata size");
            mark(at, label, "rodata size");
        }
        if ((p.scopeFlags & ViperFunction.FLAG_BSS) != 0) {
            at = in.offset();
            p.bssSize = in.uint("bss size");
            mark(at, label, "bss size");
        }
        if ((p.scopeFlags & ViperFunction.FLAG_RODATA) != 0) {
            at = in.offset();
            p.rodata = in.bytes(rodataSize, "rodata");
            mark(at, label, "rodata");
        }
        if ((p.scopeFlags & ViperFunction.FLAG_RELOC) != 0) {
            if (hasChildren) {
                throw in.error("viper function with both relocations and children: MicroPython's loader reads the"
                        + " relocations after the children, mpy-tool.py before them, and no tool writes such a file");
            }
            at = in.offset();
            List<Relocation> relocs = new ArrayList<>();
            while (true) {
                int op = in.u8("relocation");
                if (op == Relocation.END) {
                    break;
                }
                relocs.add(Relocation.read(in, op));
            }
            p.relocations = relocs;
            mark(at, label, "relocations");
        }
    }

    private void checkQstr(long index, long offset, String what) throws MpyFormatException {
        if (index >= qstrs.size()) {
            throw in.errorAt(offset, what + " is qstr " + index + ", but the qstr table has " + qstrs.size()
                    + (qstrs.size() == 1 ? " entry" : " entries"));
        }
    }

    /** Names and instruction arguments that index the module's tables. */
    private void checkNames(BytecodeDecoder.Decoded d) throws MpyFormatException {
        BytecodeDecoder.Layout at = d.layout();
        checkQstr(d.simpleName(), at.names(), "simple name");
        for (int q : d.argNames()) {
            checkQstr(q, at.names(), "argument name");
        }
        for (Instruction i : d.instructions()) {
            long offset = at.opcodes() + i.offset();
            if (i.opcode().format() == OperandFormat.QSTR) {
                checkQstr(i.arg(), offset, i.opcode() + " at bytecode offset " + i.offset() + " names a qstr that");
            } else if (i.opcode() == Opcode.LOAD_CONST_OBJ && i.arg() >= constants.size()) {
                throw in.errorAt(offset, "LOAD_CONST_OBJ at bytecode offset " + i.offset() + " loads constant " + i.arg()
                        + ", but the constant table has " + constants.size()
                        + (constants.size() == 1 ? " entry" : " entries"));
            }
        }
    }

    private void checkChildren(BytecodeDecoder.Decoded d, int nChildren) throws MpyFormatException {
        for (Instruction i : d.instructions()) {
            if (BytecodeFunction.makesFunction(i.opcode()) && i.arg() >= nChildren) {
                throw in.errorAt(d.layout().opcodes() + i.offset(), i.opcode() + " at bytecode offset " + i.offset()
                        + " makes child " + i.arg() + ", but the function has " + nChildren
                        + (nChildren == 1 ? " child" : " children"));
            }
        }
    }

    private void markBytecode(BytecodeDecoder.Decoded d, String label) {
        BytecodeDecoder.Layout at = d.layout();
        map.add(at.start(), at.prelude(), label, "prelude signature " + d.prelude().asTuple());
        map.add(at.prelude(), at.names(), label, "prelude size");
        map.add(at.names(), at.lineInfo(), label, "simple name and argument names");
        map.add(at.lineInfo(), at.cells(), label, "line info");
        map.add(at.cells(), at.opcodes(), label, "closure cells");
        for (Instruction i : d.instructions()) {
            long s = at.opcodes() + i.offset();
            map.add(s, s + i.size(), label, "instruction at bytecode offset " + i.offset() + ": "
                    + Disassembler.opcodeName(i) + tail(Disassembler.argText(qstrs, constants, i)));
        }
    }

    private static String tail(String arg) {
        return arg.isEmpty() ? "" : " " + clip(arg);
    }

    static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
