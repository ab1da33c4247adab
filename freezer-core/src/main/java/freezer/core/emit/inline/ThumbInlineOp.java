package freezer.core.emit.inline;

import freezer.core.emit.asm.ThumbAssembler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The instructions {@code @micropython.asm_thumb} accepts (py/emitinlinethumb.c), each with its
 * operands and how to write it. An instruction is found by its name, its number of operands
 * and, where upstream tells two forms apart by an operand's look, a {@link Dispatch}; the
 * families upstream matches by pattern (b&lt;cc&gt;, b&lt;cc&gt;_n, b&lt;cc&gt;_w, the it-blocks) are
 * spelled out one row per name.
 *
 * <p>Operands fill value slots in order (an address fills two: base and offset; a register-or-
 * immediate two: whether it is an immediate, and the value). {@link Emit} gets the slots.
 */
record ThumbInlineOp(String name, int argCount, Need need, Dispatch dispatch, List<Operand> operands, Emit emit) {

    /** What the target must have for the instruction to exist. */
    enum Need {
        ANY, ARMV7M, FPU
    }

    /** How upstream picks among forms of the same name and operand count. */
    enum Dispatch {
        ANY,
        /** The second operand is a name (a register, or should be). */
        SECOND_NAME,
        SECOND_NOT_NAME,
        /** The first operand is a name starting with 'r' (vmov from an ARM register). */
        FIRST_R,
        FIRST_NOT_R
    }

    /** What an operand is. */
    enum Kind {
        /** A core register up to {@code max}. */
        REG,
        /** A label name. */
        LABEL,
        /** A condition name (eq, ne, ...); anything else makes the instruction unknown. */
        CC,
        /** A register set {@code {r0, r4, lr}}, as a bit mask. */
        REGLIST,
        /** An integer within {@code max} as a mask, shifted right by {@code shift}. */
        IMM,
        /** {@code [base, offset]}: a register up to {@code max} and an integer within {@code mask}, shifted. */
        ADDR,
        /** A low register, or an integer within {@code mask}: two slots (1 if an integer, the value). */
        REG_OR_IMM,
        /** IPSR or BASEPRI. */
        SPECIAL,
        /** A single-precision register s0..s31. */
        VFP,
        /** vmrs's destination: APSR_nzcv (15) or a core register. */
        APSR_OR_REG,
        /** vmrs's source, which must be FPSCR, or the instruction is unknown. */
        FPSCR,
        /** An operand upstream does not look at (cpsid's and cpsie's {@code i}). */
        IGNORED
    }

    /**
     * One operand.
     *
     * @param max the highest register (REG, ADDR's base), or the integer mask (IMM, REG_OR_IMM)
     * @param mask ADDR's offset mask
     * @param shift how far right an integer is shifted once checked
     * @param unknownIfBadAddress ADDR: a malformed address makes the instruction unknown (ldr and
     *     its kin) rather than stopping at the address error (ldrex, strex, vldr, vstr)
     */
    record Operand(Kind kind, int max, int mask, int shift, boolean unknownIfBadAddress) {
        int slots() {
            return kind == Kind.ADDR || kind == Kind.REG_OR_IMM ? 2 : 1;
        }
    }

    /** How an instruction turned out once written. */
    enum Result {
        OK,
        /** Upstream's "unsupported Thumb instruction" (push of high registers on Thumb-1, say). */
        UNKNOWN,
        /** A branch out of its reach. */
        OUT_OF_RANGE
    }

    @FunctionalInterface
    interface Emit {
        Result emit(ThumbAssembler as, int[] v);
    }

    private static Operand reg(int max) {
        return new Operand(Kind.REG, max, 0, 0, false);
    }

    private static Operand imm(int mask) {
        return new Operand(Kind.IMM, mask, 0, 0, false);
    }

    private static Operand imm(int mask, int shift) {
        return new Operand(Kind.IMM, mask, 0, shift, false);
    }

    private static Operand addr(int baseMax, int mask, int shift, boolean unknownIfBad) {
        return new Operand(Kind.ADDR, baseMax, mask, shift, unknownIfBad);
    }

    private static Operand of(Kind kind) {
        return new Operand(kind, 0, 0, 0, false);
    }

    private static final Operand LO = reg(7);
    private static final Operand ANY_REG = reg(15);
    private static final Operand LABEL = of(Kind.LABEL);
    private static final Operand VFP = of(Kind.VFP);

    /** ASM_THUMB_CC_*, by upstream's names (al is not one). */
    static final List<String> CONDITIONS = List.of("eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge",
            "lt", "gt", "le");

    private static final Map<String, List<ThumbInlineOp>> BY_NAME_AND_COUNT = new HashMap<>();

    private static void add(String name, Need need, Dispatch dispatch, List<Operand> operands, Emit emit) {
        ThumbInlineOp op = new ThumbInlineOp(name, operands.size(), need, dispatch, operands, emit);
        BY_NAME_AND_COUNT.computeIfAbsent(name + "/" + operands.size(), k -> new ArrayList<>()).add(op);
    }

    private static void add(String name, List<Operand> operands, Emit emit) {
        add(name, Need.ANY, Dispatch.ANY, operands, emit);
    }

    private static Emit op16(int op) {
        return (as, v) -> {
            as.op16(op);
            return Result.OK;
        };
    }

    private static Result inRange(boolean ok) {
        return ok ? Result.OK : Result.OUT_OF_RANGE;
    }

    static {
        // no operands
        add("nop", List.of(), op16(ThumbAssembler.OP_NOP));
        add("wfi", List.of(), op16(0xbf30));

        // one operand: branches, it-blocks, interrupts, push and pop
        add("b", List.of(LABEL), (as, v) -> inRange(as.bNLabel(v[0])));
        add("bl", List.of(LABEL), (as, v) -> inRange(as.blLabel(v[0])));
        add("bx", List.of(ANY_REG), (as, v) -> {
            as.op16(0x4700 | v[0] << 3);
            return Result.OK;
        });
        for (int cc = 0; cc < CONDITIONS.size(); cc++) {
            int c = cc;
            String name = "b" + CONDITIONS.get(cc);
            add(name, List.of(LABEL), (as, v) -> inRange(as.bccNwLabel(c, v[0], false)));
            add(name + "_n", List.of(LABEL), (as, v) -> inRange(as.bccNwLabel(c, v[0], false)));
            add(name + "_w", Need.ARMV7M, Dispatch.ANY, List.of(LABEL),
                    (as, v) -> inRange(as.bccNwLabel(c, v[0], true)));
        }
        for (String shape : itShapes()) {
            add("it" + shape, Need.ARMV7M, Dispatch.ANY, List.of(of(Kind.CC)), (as, v) -> {
                as.op16(ThumbAssembler.OP_IT | v[0] << 4 | itMask(shape, v[0]));
                return Result.OK;
            });
        }
        // the operand (i) is not checked, as upstream
        add("cpsid", List.of(of(Kind.IGNORED)), op16(0xb672));
        add("cpsie", List.of(of(Kind.IGNORED)), op16(0xb662));
        add("push", List.of(of(Kind.REGLIST)), (as, v) -> pushPop(as, v[0], 0xbf00, 1 << 14, 0xb400, 0xb500, 0xe92d));
        add("pop", List.of(of(Kind.REGLIST)), (as, v) -> pushPop(as, v[0], 0x7f00, 1 << 15, 0xbc00, 0xbd00, 0xe8bd));

        // two registers
        add("mov", Need.ANY, Dispatch.SECOND_NAME, List.of(ANY_REG, ANY_REG), (as, v) -> {
            as.movRegReg(v[0], v[1]);
            return Result.OK;
        });
        add("clz", Need.ARMV7M, Dispatch.SECOND_NAME, List.of(ANY_REG, ANY_REG), wide2(0xfab0, 0xf080));
        add("rbit", Need.ARMV7M, Dispatch.SECOND_NAME, List.of(ANY_REG, ANY_REG), wide2(0xfa90, 0xf0a0));
        add("mrs", Need.ARMV7M, Dispatch.SECOND_NAME, List.of(reg(12), of(Kind.SPECIAL)), (as, v) -> {
            as.op32(0xf3ef, 0x8000 | v[0] << 8 | v[1]);
            return Result.OK;
        });
        // format 4: ALU operations on two low registers
        String[] format4 = {"and_", "eor", "lsl", "lsr", "asr", "adc", "sbc", "ror", "tst", "neg", "cmp", "cmn",
            "orr", "mul", "bic", "mvn"};
        for (int i = 0; i < format4.length; i++) {
            int op = 0x4000 | i << 6;
            add(format4[i], Need.ANY, Dispatch.SECOND_NAME, List.of(LO, LO), (as, v) -> {
                as.format4(op, v[0], v[1]);
                return Result.OK;
            });
        }

        // a register and something else
        String[] format3 = {"mov", "cmp", "add", "sub"};
        for (int i = 0; i < format3.length; i++) {
            int op = 0x2000 | i << 11;
            add(format3[i], Need.ANY, Dispatch.SECOND_NOT_NAME, List.of(LO, imm(0xff)), (as, v) -> {
                as.format3(op, v[0], v[1]);
                return Result.OK;
            });
        }
        add("movw", Need.ARMV7M, Dispatch.SECOND_NOT_NAME, List.of(ANY_REG, imm(0xffff)), (as, v) -> {
            as.movRegI16(ThumbAssembler.OP_MOVW, v[0], v[1]);
            return Result.OK;
        });
        add("movt", Need.ARMV7M, Dispatch.SECOND_NOT_NAME, List.of(ANY_REG, imm(0xffff)), (as, v) -> {
            as.movRegI16(ThumbAssembler.OP_MOVT, v[0], v[1]);
            return Result.OK;
        });
        add("movwt", Need.ARMV7M, Dispatch.SECOND_NOT_NAME, List.of(ANY_REG, imm(0xffffffff)), (as, v) -> {
            as.movRegI16(ThumbAssembler.OP_MOVW, v[0], v[1] & 0xffff);
            as.movRegI16(ThumbAssembler.OP_MOVT, v[0], v[1] >>> 16);
            return Result.OK;
        });
        add("ldrex", Need.ARMV7M, Dispatch.SECOND_NOT_NAME, List.of(ANY_REG, addr(15, 0xff, 2, false)), (as, v) -> {
            as.op32(0xe850 | v[1], 0x0f00 | v[0] << 12 | v[2]);
            return Result.OK;
        });
        // formats 9 and 10: loads and stores of low registers with a scaled 5-bit offset
        loadStore("ldr", 0x6800, 0x7c, 2);
        loadStore("ldrb", 0x7800, 0x1f, 0);
        loadStore("ldrh", 0x8800, 0x3e, 1);
        loadStore("str", 0x6000, 0x7c, 2);
        loadStore("strb", 0x7000, 0x1f, 0);
        loadStore("strh", 0x8000, 0x3e, 1);

        // three operands
        String[] format1 = {"lsl", "lsr", "asr"};
        for (int i = 0; i < format1.length; i++) {
            int op = i << 11;
            add(format1[i], List.of(LO, LO, imm(0x1f)), (as, v) -> {
                as.format1(op, v[0], v[1], v[2]);
                return Result.OK;
            });
        }
        Operand regOrImm3 = new Operand(Kind.REG_OR_IMM, 7, 0, 0, false);
        add("add", List.of(LO, LO, regOrImm3), format2(ThumbAssembler.F2_ADD));
        add("sub", List.of(LO, LO, regOrImm3), format2(ThumbAssembler.F2_SUB));
        add("sdiv", Need.ARMV7M, Dispatch.ANY, List.of(ANY_REG, ANY_REG, ANY_REG), divide(0xfb90));
        add("udiv", Need.ARMV7M, Dispatch.ANY, List.of(ANY_REG, ANY_REG, ANY_REG), divide(0xfbb0));
        add("strex", Need.ARMV7M, Dispatch.ANY, List.of(ANY_REG, ANY_REG, addr(15, 0xff, 2, false)), (as, v) -> {
            as.op32(0xe840 | v[2], v[1] << 12 | v[0] << 8 | v[3]);
            return Result.OK;
        });

        // single-precision floating point, where the target has an FPU
        vfpTwo("vcmp", 0xeeb4, 0x0ac0);
        vfpTwo("vsqrt", 0xeeb1, 0x0ac0);
        vfpTwo("vneg", 0xeeb1, 0x0a40);
        vfpTwo("vcvt_f32_s32", 0xeeb8, 0x0ac0);
        vfpTwo("vcvt_s32_f32", 0xeebd, 0x0ac0);
        add("vmrs", Need.FPU, Dispatch.ANY, List.of(of(Kind.APSR_OR_REG), of(Kind.FPSCR)), (as, v) -> {
            as.op32(0xeef1, 0x0a10 | v[0] << 12);
            return Result.OK;
        });
        add("vmov", Need.FPU, Dispatch.FIRST_R, List.of(ANY_REG, VFP), (as, v) -> vmov(as, 0xee10, v[0], v[1]));
        add("vmov", Need.FPU, Dispatch.FIRST_NOT_R, List.of(VFP, ANY_REG), (as, v) -> vmov(as, 0xee00, v[1], v[0]));
        add("vldr", Need.FPU, Dispatch.ANY, List.of(VFP, addr(7, 0x3fc, 2, false)), vldrVstr(0xed90));
        add("vstr", Need.FPU, Dispatch.ANY, List.of(VFP, addr(7, 0x3fc, 2, false)), vldrVstr(0xed80));
        vfpArith("vadd", 0x30);
        vfpArith("vsub", 0x34);
        vfpArith("vmul", 0x20);
        vfpArith("vdiv", 0x80);
    }

    /** The it-block suffixes: up to three more slots, each then (t) or else (e). */
    private static List<String> itShapes() {
        List<String> shapes = new ArrayList<>(List.of(""));
        for (int i = 0; i < shapes.size(); i++) {
            if (shapes.get(i).length() < 3) {
                shapes.add(shapes.get(i) + "t");
                shapes.add(shapes.get(i) + "e");
            }
        }
        return shapes;
    }

    /** The it instruction's mask: a bit per extra slot (the condition's low bit, or its inverse), then a stop bit. */
    private static int itMask(String shape, int cc) {
        int mask = 8;
        for (int i = shape.length() - 1; i >= 0; i--) {
            mask >>= 1;
            int bit = shape.charAt(i) == 't' ? cc & 1 : ~cc & 1;
            mask |= bit << 3;
        }
        return mask;
    }

    /**
     * push and pop: low registers (with lr, or pc) in 16 bits; others need Thumb-2's 32-bit form.
     */
    private static Result pushPop(ThumbAssembler as, int regs, int highMask, int linkBit, int op, int opLink,
            int wideOp) {
        if ((regs & highMask) == 0) {
            as.op16((regs & linkBit) == 0 ? op | regs : opLink | regs & 0xff);
        } else if (as.allowsArmv7m()) {
            as.op32(wideOp, regs);
        } else {
            return Result.UNKNOWN;
        }
        return Result.OK;
    }

    private static Emit wide2(int hi, int lo) {
        return (as, v) -> {
            as.op32(hi | v[1], lo | v[0] << 8 | v[1]);
            return Result.OK;
        };
    }

    private static void loadStore(String name, int op, int mask, int shift) {
        add(name, Need.ANY, Dispatch.SECOND_NOT_NAME, List.of(LO, addr(7, mask, shift, true)), (as, v) -> {
            as.format9or10(op, v[0], v[1], v[2]);
            return Result.OK;
        });
    }

    private static Emit format2(int op) {
        return (as, v) -> {
            as.format2(op | (v[2] != 0 ? ThumbAssembler.F2_IMM : 0), v[0], v[1], v[3]);
            return Result.OK;
        };
    }

    private static Emit divide(int hi) {
        return (as, v) -> {
            as.op32(hi | v[1], 0xf0f0 | v[0] << 8 | v[2]);
            return Result.OK;
        };
    }

    private static void vfpTwo(String name, int hi, int lo) {
        add(name, Need.FPU, Dispatch.ANY, List.of(VFP, VFP), (as, v) -> {
            int vd = v[0];
            int vm = v[1];
            as.op32(hi | (vd & 1) << 6, lo | (vd & 0x1e) << 11 | (vm & 1) << 5 | (vm & 0x1e) >> 1);
            return Result.OK;
        });
    }

    private static Result vmov(ThumbAssembler as, int hi, int arm, int vm) {
        as.op32(hi | (vm & 0x1e) >> 1, 0x0a10 | arm << 12 | (vm & 1) << 7);
        return Result.OK;
    }

    private static Emit vldrVstr(int hi) {
        return (as, v) -> {
            int vd = v[0];
            as.op32(hi | v[1] | (vd & 1) << 6, 0x0a00 | (vd & 0x1e) << 11 | v[2]);
            return Result.OK;
        };
    }

    private static void vfpArith(String name, int op) {
        add(name, Need.FPU, Dispatch.ANY, List.of(VFP, VFP, VFP), (as, v) -> {
            int vd = v[0];
            int vn = v[1];
            int vm = v[2];
            as.op32(0xee00 | (op & 0xf0) | (vd & 1) << 6 | vn >> 1,
                    0x0a00 | (op & 0x0f) << 4 | vm >> 1 | (vm & 1) << 5 | (vd & 0x1e) << 11 | (vn & 1) << 7);
            return Result.OK;
        });
    }

    /** The forms of an instruction with this name and number of operands, in upstream's order of trying. */
    static List<ThumbInlineOp> forms(String name, int argCount) {
        return BY_NAME_AND_COUNT.getOrDefault(name + "/" + argCount, List.of());
    }
}
