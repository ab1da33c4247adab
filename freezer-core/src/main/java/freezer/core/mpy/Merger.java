package freezer.core.mpy;

import freezer.core.NativeArch;
import freezer.core.bytecode.Opcode;
import freezer.core.bytecode.OperandFormat;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges modules into one .mpy as {@code tools/mpy-tool.py --merge} does (merge_mpy): one
 * header, the qstr and constant tables of all parts one after another, and a new top-level
 * function that calls each part's module code in order. The first part's code is kept as it
 * is; the others have their qstr and constant indices shifted and their jumps re-sized, and
 * lose their line-number tables, exactly as mpy-tool.py rewrites them.
 */
public final class Merger {
    /** How jump targets of the rewritten parts are read. */
    public enum Jumps {
        /**
         * As the VM reads them. mpy-tool.py reads UNWIND_JUMP's target one byte too far (it counts
         * from after the extra byte), so where a rewritten part has an UNWIND_JUMP this gives
         * different, working bytes.
         */
        CORRECT,
        /** As mpy-tool.py reads them: its bytes exactly, UNWIND_JUMP offsets one too large. */
        AS_MPY_TOOL
    }

    /** mpy-tool.py repeats its layout until offsets settle; this many rounds is far beyond any real code. */
    private static final int MAX_LAYOUT_ROUNDS = 1000;

    private Merger() {
    }

    /** The merged .mpy (for one module, that module's bytes). */
    public static byte[] merge(List<CompiledModule> modules, Jumps jumps) throws MergeException {
        if (modules.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        if (modules.size() == 1) {
            return MpyWriter.write(modules.get(0));
        }
        List<CompiledModule> parts = new ArrayList<>(modules);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < modules.size(); i++) {
            order.add(i);
        }
        int nativeIndex = -1;
        NativeArch arch = NativeArch.NONE;
        for (int i = 0; i < parts.size(); i++) {
            NativeArch a = parts.get(i).header().arch();
            if (a == NativeArch.NONE) {
                continue;
            }
            // mpy-tool.py's read_mpy refuses a second architecture before merge_mpy sees two native parts
            if (arch != NativeArch.NONE && a != arch) {
                throw new MergeException(i, "native architecture mismatch: " + a.marchName() + " here, "
                        + arch.marchName() + " in an earlier file");
            }
            if (nativeIndex >= 0) {
                throw new MergeException(i, "can't merge files when more than one contains native code"
                        + " (an earlier file does too)");
            }
            nativeIndex = i;
            arch = a;
        }
        long archFlags = 0;
        if (nativeIndex >= 0) {
            archFlags = parts.get(nativeIndex).header().archFlags();
            parts.add(0, parts.remove(nativeIndex));
            order.add(0, order.remove(nativeIndex));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int features = arch == NativeArch.NONE ? 0
                : (archFlags != 0 ? MpyHeader.ARCH_FLAGS_BIT : 0) | arch.code() << 2 | MpyHeader.SUB_VERSION;
        // mpy-tool.py keeps the small-int bits of the last file it read, in command-line order
        int smallIntBits = modules.get(modules.size() - 1).header().smallIntBits();
        out.writeBytes(new byte[] {'M', MpyHeader.VERSION, (byte) features, (byte) smallIntBits});
        if (archFlags != 0) {
            Uint.write(out, archFlags);
        }
        int nQstr = 0;
        int nObj = 0;
        for (CompiledModule m : parts) {
            nQstr += m.qstrs().size();
            nObj += m.constants().size();
        }
        Uint.write(out, nQstr);
        Uint.write(out, nObj);
        for (CompiledModule m : parts) {
            for (String q : m.qstrs()) {
                MpyWriter.writeQstr(out, q);
            }
        }
        for (CompiledModule m : parts) {
            for (ConstObject o : m.constants()) {
                MpyWriter.writeObj(out, o);
            }
        }
        byte[] top = topLevel(parts.size());
        Uint.write(out, (long) top.length << 3 | 1 << 2);
        out.writeBytes(top);
        Uint.write(out, parts.size());
        int qstrBase = 0;
        int objBase = 0;
        for (int i = 0; i < parts.size(); i++) {
            CompiledModule m = parts.get(i);
            if (qstrBase == 0 && objBase == 0) {
                out.writeBytes(rootBytes(m));
            } else {
                rewrite(out, m, qstrBase, objBase, jumps, order.get(i));
            }
            qstrBase += m.qstrs().size();
            objBase += m.constants().size();
        }
        return out.toByteArray();
    }

    /** The new module code: MAKE_FUNCTION i, CALL_FUNCTION 0, POP_TOP for each part; return None. */
    private static byte[] topLevel(int parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x00); // prelude signature: n_state 1, nothing else
        b.write(0x02); // prelude size: n_info 1, n_cell 0
        b.write(0x00); // simple name: qstr 0, the source file
        for (int i = 0; i < parts; i++) {
            b.write(Opcode.MAKE_FUNCTION.code());
            Uint.write(b, i);
            b.write(Opcode.CALL_FUNCTION.code());
            b.write(0);
            b.write(Opcode.POP_TOP.code());
        }
        b.write(Opcode.LOAD_CONST_NONE.code());
        b.write(Opcode.RETURN_VALUE.code());
        return b.toByteArray();
    }

    /** The part of a module's file from its code on (what mpy-tool.py copies for the first part). */
    private static byte[] rootBytes(CompiledModule m) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        MpyWriter.writeCode(b, m.root());
        return b.toByteArray();
    }

    /** mpy-tool.py rewrite_raw_code, for each function of a part (parents before children). */
    private static void rewrite(ByteArrayOutputStream out, CompiledModule m, int qstrBase, int objBase, Jumps jumps,
            int part) throws MergeException {
        Deque<RawCode> stack = new ArrayDeque<>();
        stack.push(m.root());
        while (!stack.isEmpty()) {
            RawCode rc = stack.pop();
            if (!(rc instanceof BytecodeFunction f)) {
                throw new MergeException(part, "can only rewrite bytecode");
            }
            ByteArrayOutputStream source = new ByteArrayOutputStream();
            Uint.write(source, qstrBase + (long) f.simpleName());
            for (int q : f.argNames()) {
                Uint.write(source, qstrBase + (long) q);
            }
            ByteArrayOutputStream fun = new ByteArrayOutputStream();
            f.prelude().write(fun);
            Prelude.writeSize(fun, source.size(), f.cells().size());
            fun.writeBytes(source.toByteArray());
            for (int c : f.cells()) {
                fun.write(c);
            }
            fun.writeBytes(bytecode(m, f, qstrBase, objBase, jumps, part));
            int n = f.children().size();
            Uint.write(out, (long) fun.size() << 3 | (n != 0 ? 4 : 0));
            out.writeBytes(fun.toByteArray());
            if (n != 0) {
                Uint.write(out, n);
                for (int i = n - 1; i >= 0; i--) {
                    stack.push(f.children().get(i));
                }
            }
        }
    }

    /** One instruction being laid out again. */
    private static final class Op {
        final Instruction in;
        long arg;
        int offset;
        Op target;

        Op(Instruction in) {
            this.in = in;
            this.arg = in.arg();
            this.offset = in.offset();
        }
    }

    /** mpy-tool.py adjust_bytecode_qstr_obj_indices. */
    private static byte[] bytecode(CompiledModule m, BytecodeFunction f, int qstrBase, int objBase, Jumps jumps,
            int part) throws MergeException {
        String name = "function " + PythonRepr.str(m.qstrs().get(f.simpleName()));
        List<Op> ops = new ArrayList<>();
        Map<Integer, Op> byOffset = new HashMap<>();
        for (Instruction i : f.instructions()) {
            Op op = new Op(i);
            ops.add(op);
            byOffset.put(i.offset(), op);
        }
        for (Op op : ops) {
            Opcode code = op.in.opcode();
            if (code.format() == OperandFormat.OFFSET) {
                int target = jumps == Jumps.CORRECT ? op.in.target() : op.in.offset() + op.in.size() + (int) op.in.arg();
                op.target = byOffset.get(target);
                if (op.target == null) {
                    throw new MergeException(part, code + " at bytecode offset " + op.in.offset() + " of " + name
                            + ": mpy-tool.py reads its target as " + target
                            + ", which is not an instruction (mpy-tool.py fails there with a KeyError)");
                }
            } else if (code.format() == OperandFormat.QSTR) {
                op.arg += qstrBase;
            } else if (code == Opcode.LOAD_CONST_OBJ) {
                op.arg += objBase;
            }
        }
        for (int round = 0; round < MAX_LAYOUT_ROUNDS; round++) {
            boolean changed = false;
            boolean overflow = false;
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (Op op : ops) {
                if (op.offset != b.size()) {
                    changed = true;
                    op.offset = b.size();
                }
                overflow |= encode(b, op);
            }
            if (!changed) {
                if (overflow) {
                    throw new MergeException(part, "bytecode overflow in " + name
                            + ": with the merged tables a jump no longer fits");
                }
                return b.toByteArray();
            }
        }
        throw new MergeException(part, "jump offsets of " + name + " do not settle");
    }

    /** mpy-tool.py mp_opcode_encode; returns whether a jump offset overflowed. */
    private static boolean encode(ByteArrayOutputStream b, Op op) {
        Opcode code = op.in.opcode();
        b.write(op.in.opcodeByte());
        boolean overflow = false;
        switch (code.format()) {
            case QSTR:
            case VAR_UINT:
                if (code == Opcode.LOAD_CONST_SMALL_INT) {
                    Uint.writeSigned(b, op.arg);
                } else {
                    Uint.write(b, op.arg);
                }
                break;
            case OFFSET: {
                boolean signed = code.hasSignedOffset();
                long delta = op.target.offset - op.offset - 2;
                if (signed && delta >= -64 && delta <= 63 || !signed && delta <= 127) {
                    if (signed) {
                        delta += 0x40;
                    }
                    overflow = delta < 0 || delta > 0x7f;
                    b.write((int) delta & 0x7f);
                } else {
                    delta -= 1;
                    if (signed) {
                        delta += 0x4000;
                    }
                    overflow = delta < 0 || delta > 0x7fff;
                    b.write(0x80 | (int) delta & 0x7f);
                    b.write((int) (delta >> 7) & 0xff);
                }
                break;
            }
            default:
                break;
        }
        if (op.in.extraByte() >= 0) {
            b.write(op.in.extraByte());
        }
        return overflow;
    }
}
