package freezer.core.emit;

import freezer.core.emit.asm.NativeAssembler;
import freezer.core.emit.asm.NativeRegisters;
import java.util.Arrays;

/**
 * The native emitter's picture of the Python value stack (emitnative.c stack_info_t and the
 * emit_pre_pop / emit_post_push helpers). An entry is a value already in its stack slot, a
 * value still in a register, or a constant not loaded anywhere yet; values move to their slots
 * only when a jump, a call or a label needs the stack settled. Each entry has a viper type.
 */
final class NativeStack {
    /** stack_info_kind_t. */
    enum Kind {
        VALUE, REG, IMM
    }

    /** One stack entry. */
    static final class Entry {
        VType vtype = VType.UNBOUND;
        Kind kind = Kind.VALUE;
        int reg;
        long imm;

        void copyFrom(Entry o) {
            vtype = o.vtype;
            kind = o.kind;
            reg = o.reg;
            imm = o.imm;
        }
    }

    /** A popped value: its type and the register it ended up in. */
    record Popped(VType vtype, int reg) {
    }

    private final NativeFrame e;
    private Entry[] info = new Entry[0];
    private int size;
    /** The type emit_native_jump_helper leaves for the value a jump keeps on the stack. */
    VType savedVtype = VType.PYOBJ;

    NativeStack(NativeFrame e) {
        this.e = e;
        ensureExtra(8);
    }

    int size() {
        return size;
    }

    /** start_pass: the stack is empty and its entries forget their types. */
    void reset() {
        size = 0;
        for (Entry s : info) {
            s.kind = Kind.VALUE;
            s.vtype = VType.UNBOUND;
        }
    }

    private void ensureExtra(int delta) {
        if (size + delta > info.length) {
            int old = info.length;
            info = Arrays.copyOf(info, (size + delta + 8) & ~3);
            for (int i = old; i < info.length; i++) {
                info[i] = new Entry();
            }
        }
    }

    /** adjust_stack: the depth changes; the scope's stack size grows with it. */
    void adjust(int delta) {
        if (size + delta < 0) {
            throw EmitException.abort("a value stack that runs below empty in native code");
        }
        ensureExtra(Math.max(delta, 0));
        size += delta;
        if (e.pass.compareTo(Pass.SCOPE) > 0) {
            e.scope.reachStackSize(size);
        }
    }

    /**
     * emit_native_adjust_stack_size: the compiler's own stack adjustments (after a jump lands);
     * new entries are values in their slots, typed as the jump that left them said.
     */
    void adjustStackSize(int delta) {
        if (delta > 0) {
            ensureExtra(delta);
        }
        for (int i = 0; i < delta; i++) {
            Entry s = info[size + i];
            s.kind = Kind.VALUE;
            s.vtype = delta == 1 ? savedVtype : VType.PYOBJ;
        }
        adjust(delta);
    }

    /**
     * Fails unless the stack holds {@code n} entries: only after a viper type error has left it
     * short, where upstream reads before its start (and, in the golden files, crashes).
     */
    private void require(int n) {
        if (n > size) {
            throw EmitException.abort("a value stack that runs below empty in native code");
        }
    }

    /** depth 0 is the top. */
    Entry peek(int depth) {
        require(depth + 1);
        return info[size - 1 - depth];
    }

    /** peek_vtype: in native code every value is an object, whatever holds it. */
    VType peekVtype(int depth) {
        return e.viper ? peek(depth).vtype : VType.PYOBJ;
    }

    /**
     * need_reg_single: frees a register by moving any stack value it holds to its slot, except
     * the entry at {@code skipPos} (1 is the top; 0 skips nothing).
     */
    void needRegSingle(int reg, int skipPos) {
        int skip = size - skipPos;
        for (int i = 0; i < size; i++) {
            if (i != skip) {
                Entry s = info[i];
                if (s.kind == Kind.REG && s.reg == reg) {
                    s.kind = Kind.VALUE;
                    e.movStateReg(e.stackStart + i, s.reg);
                }
            }
        }
    }

    /** need_reg_all: every value held in a register goes to its slot. */
    void needRegAll() {
        for (int i = 0; i < size; i++) {
            Entry s = info[i];
            if (s.kind == Kind.REG) {
                s.kind = Kind.VALUE;
                e.movStateReg(e.stackStart + i, s.reg);
            }
        }
    }

    /**
     * load_reg_stack_imm: a constant entry into a register, as a machine value in viper code or
     * as an object.
     */
    VType loadRegStackImm(int regDest, Entry s, boolean convertToPyobj) {
        NativeAssembler as = e.as;
        if (!convertToPyobj && e.viper) {
            as.movRegImm(regDest, s.imm);
            return s.vtype;
        }
        switch (s.vtype) {
            case PYOBJ -> as.movRegImm(regDest, s.imm);
            case BOOL -> e.movRegConst(regDest, RuntimeFunction.CONST_FALSE_OBJ.index() + (int) s.imm);
            // MP_OBJ_NEW_SMALL_INT, computed in 64 bits as on upstream's host
            case INT, UINT -> as.movRegImm(regDest, (s.imm << 1) | 1);
            case PTR_NONE -> e.movRegConst(regDest, RuntimeFunction.CONST_NONE_OBJ.index());
            default -> throw EmitException.raised(freezer.core.ErrorType.NotImplementedError, "conversion to object");
        }
        return VType.PYOBJ;
    }

    /**
     * need_stack_settled: every value in a register or still a constant goes to its slot, so the
     * slots hold the whole stack (before a jump, a label, a call that reads the stack). May
     * clobber REG_TEMP1.
     */
    void needStackSettled() {
        needRegAll();
        for (int i = 0; i < size; i++) {
            Entry s = info[i];
            if (s.kind == Kind.IMM) {
                s.kind = Kind.VALUE;
                int temp1 = e.regs.temp1();
                s.vtype = loadRegStackImm(temp1, s, false);
                e.movStateReg(e.stackStart + i, temp1);
            }
        }
    }

    /** emit_access_stack: loads entry {@code pos} (1 is the top) into a register, leaving it on the stack. */
    VType access(int pos, int regDest) {
        require(pos);
        needRegSingle(regDest, pos);
        Entry s = info[size - pos];
        VType vtype = s.vtype;
        switch (s.kind) {
            case VALUE -> e.movRegState(regDest, e.stackStart + size - pos);
            case REG -> {
                if (s.reg != regDest) {
                    e.as.movRegReg(regDest, s.reg);
                }
            }
            case IMM -> vtype = loadRegStackImm(regDest, s, false);
        }
        return vtype;
    }

    /** emit_fold_stack_top: X = pop(); discard(); push(X), keeping X in a register if it was in its slot. */
    void foldTop(int regDest) {
        require(2);
        Entry below = info[size - 2];
        below.copyFrom(info[size - 1]);
        if (below.kind == Kind.VALUE) {
            e.movRegState(regDest, e.stackStart + size - 1);
            below.kind = Kind.REG;
            below.reg = regDest;
        }
        adjust(-1);
    }

    /**
     * emit_pre_pop_reg_flexible: pops the top, leaving it in the register that already holds it
     * unless that is {@code notR1} or {@code notR2}; otherwise in {@code regDest}.
     */
    Popped popFlexible(int regDest, int notR1, int notR2) {
        Entry s = peek(0);
        Popped p;
        if (s.kind == Kind.REG && s.reg != notR1 && s.reg != notR2) {
            p = new Popped(s.vtype, s.reg);
            needRegSingle(s.reg, 1);
        } else {
            p = new Popped(access(1, regDest), regDest);
        }
        adjust(-1);
        return p;
    }

    void popDiscard() {
        adjust(-1);
    }

    /** emit_pre_pop_reg: pops the top into a register. */
    VType pop(int regDest) {
        VType v = access(1, regDest);
        adjust(-1);
        return v;
    }

    void pushReg(VType vtype, int reg) {
        ensureExtra(1);
        Entry s = info[size];
        s.vtype = vtype;
        s.kind = Kind.REG;
        s.reg = reg;
        adjust(1);
    }

    void pushImm(VType vtype, long imm) {
        ensureExtra(1);
        Entry s = info[size];
        s.vtype = vtype;
        s.kind = Kind.IMM;
        s.imm = imm;
        adjust(1);
    }

    /** emit_post_top_set_vtype. */
    void setTopVtype(VType vtype) {
        require(1);
        info[size - 1].vtype = vtype;
    }

    /**
     * emit_get_stack_pointer_to_reg_for_pop: makes the top {@code n} entries objects in their
     * slots (converting viper values with REG_ARG_1, REG_ARG_2 and REG_RET), pops them and puts
     * the address of the first in {@code regDest}.
     */
    void pointerForPop(int regDest, int n) {
        require(n);
        needRegAll();
        for (int i = 0; i < n; i++) {
            Entry s = info[size - 1 - i];
            if (s.kind == Kind.IMM) {
                s.kind = Kind.VALUE;
                s.vtype = loadRegStackImm(regDest, s, true);
                e.movStateReg(e.stackStart + size - 1 - i, regDest);
            }
            if (s.kind != Kind.VALUE) {
                throw EmitException.abort("a stack value not in its slot in native code");
            }
        }
        NativeRegisters r = e.regs;
        for (int i = 0; i < n; i++) {
            Entry s = info[size - 1 - i];
            if (s.vtype != VType.PYOBJ) {
                int local = e.stackStart + size - 1 - i;
                e.movRegState(r.arg1(), local);
                e.callWithImmArg(RuntimeFunction.CONVERT_NATIVE_TO_OBJ, s.vtype.code(), r.arg2());
                e.movStateReg(local, r.ret());
                s.vtype = VType.PYOBJ;
            }
        }
        adjust(-n);
        e.movRegStateAddr(regDest, e.stackStart + size);
    }

    /** emit_get_stack_pointer_to_reg_for_push: room for {@code n} objects; their address in {@code regDest}. */
    void pointerForPush(int regDest, int n) {
        needRegAll();
        ensureExtra(n);
        for (int i = 0; i < n; i++) {
            info[size + i].kind = Kind.VALUE;
            info[size + i].vtype = VType.PYOBJ;
        }
        e.movRegStateAddr(regDest, e.stackStart + size);
        adjust(n);
    }
}
