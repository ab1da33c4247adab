package freezer.core.emit.asm;

/**
 * The RISC-V instruction formats as py/asmrv32.h packs them (its RV32_ENCODE_TYPE_* macros):
 * the 32-bit formats R, I, S, B, U, J and the CSR-immediate form, and the 16-bit compressed
 * formats of the C and Zcmp extensions. Each takes its fields as upstream passes them and
 * keeps only the bits the format has room for, so an immediate that does not fit is cut as
 * upstream cuts it; the callers range-check first.
 *
 * <p>One upstream quirk is part of the contract: the CA format (c.sub, c.xor, c.or, c.and)
 * keeps only two bits of each register number, so registers x12..x15 lose their top bit.
 */
final class Rv32Encoding {
    private Rv32Encoding() {
    }

    /** R: funct7 rs2 rs1 funct3 rd opcode. */
    static int r(int op, int f3, int f7, int rd, int rs1, int rs2) {
        return (op & 0x7f) | (rd & 0x1f) << 7 | (f3 & 0x07) << 12 | (rs1 & 0x1f) << 15 | (rs2 & 0x1f) << 20
                | (f7 & 0x7f) << 25;
    }

    /** I: imm[11:0] rs1 funct3 rd opcode. */
    static int i(int op, int f3, int rd, int rs, int imm) {
        return (op & 0x7f) | (rd & 0x1f) << 7 | (f3 & 0x07) << 12 | (rs & 0x1f) << 15 | (imm & 0xfff) << 20;
    }

    /** The CSR instructions with a 5-bit immediate in place of rs1. */
    static int csri(int op, int f3, int rd, int csr, int imm) {
        return (op & 0x7f) | (rd & 0x1f) << 7 | (f3 & 0x07) << 12 | (csr & 0xfff) << 20 | (imm & 0x1f) << 15;
    }

    /** S: imm[11:5] rs2 rs1 funct3 imm[4:0] opcode. */
    static int s(int op, int f3, int rs1, int rs2, int imm) {
        return (op & 0x7f) | (imm & 0x1f) << 7 | (f3 & 0x07) << 12 | (rs1 & 0x1f) << 15 | (rs2 & 0x1f) << 20
                | (imm & 0xfe0) << 20;
    }

    /** B: a 13-bit even offset scattered around rs1, rs2 and funct3. */
    static int b(int op, int f3, int rs1, int rs2, int imm) {
        return (op & 0x7f) | (f3 & 0x07) << 12 | (imm & 0x800) >> 4 | (imm & 0x1e) << 7 | (rs1 & 0x1f) << 15
                | (rs2 & 0x1f) << 20 | (imm & 0x7e0) << 20 | (imm & 0x1000) << 19;
    }

    /** U: imm[31:12] rd opcode (the immediate is given unshifted). */
    static int u(int op, int rd, int imm) {
        return (op & 0x7f) | (rd & 0x1f) << 7 | (imm & 0xfffff000);
    }

    /** J: a 21-bit even offset. */
    static int j(int op, int rd, int imm) {
        return (op & 0x7f) | (rd & 0x1f) << 7 | (imm & 0xff000) | (imm & 0x800) << 9 | (imm & 0x7fe) << 20
                | (imm & 0x100000) << 11;
    }

    /** CR: funct4 rd/rs1 rs2 op. */
    static int cr(int op, int f4, int rs1, int rs2) {
        return (op & 0x03) | (rs2 & 0x1f) << 2 | (rs1 & 0x1f) << 7 | (f4 & 0x0f) << 12;
    }

    /** CI: funct3 imm[5] rd imm[4:0] op. */
    static int ci(int op, int f3, int rd, int imm) {
        return (op & 0x03) | (f3 & 0x07) << 13 | (rd & 0x1f) << 7 | (imm & 0x20) << 7 | (imm & 0x1f) << 2;
    }

    /** CSS: funct3 imm[5:0] rs2 op (the immediate already arranged by the caller). */
    static int css(int op, int f3, int rs, int imm) {
        return (op & 0x03) | (f3 & 0x07) << 13 | (rs & 0x1f) << 2 | (imm & 0x3f) << 7;
    }

    /** CIW: c.addi4spn's scrambled 10-bit unsigned immediate and rd'. */
    static int ciw(int op, int f3, int rd, int imm) {
        return (op & 0x03) | (f3 & 0x07) << 13 | (rd & 0x07) << 2 | (imm & 0x3c0) << 1 | (imm & 0x30) << 7
                | (imm & 0x08) << 2 | (imm & 0x04) << 4;
    }

    /** CL (and CS, which upstream encodes the same way): a word offset, rs1' and rd'/rs2'. */
    static int cl(int op, int f3, int rd, int rs, int imm) {
        return (op & 0x03) | (f3 & 0x07) << 13 | (rd & 0x07) << 2 | (rs & 0x07) << 7 | (imm & 0x40) >> 1
                | (imm & 0x38) << 7 | (imm & 0x04) << 4;
    }

    /** CA: funct6 rd' funct2 rs2' op, with upstream's two-bit register fields. */
    static int ca(int op, int f6, int f2, int rd, int rs) {
        return (op & 0x03) | (f6 & 0x3f) << 10 | (f2 & 0x03) << 5 | (rd & 0x03) << 7 | (rs & 0x03) << 2;
    }

    /** CB: funct3 rs1' and an 8-bit field the caller has already arranged. */
    static int cb(int op, int f3, int rs, int imm) {
        return (op & 0x03) | (f3 & 0x07) << 13 | (rs & 0x07) << 7 | (imm & 0xe0) << 5 | (imm & 0x1f) << 2;
    }

    /** CJ: a 12-bit even offset. */
    static int cj(int op, int f3, int imm) {
        return (op & 0x03) | (f3 & 0x07) << 13 | (imm & 0x0e) << 2 | (imm & 0x300) << 1 | (imm & 0x800) << 1
                | (imm & 0x400) >> 2 | (imm & 0x80) >> 1 | (imm & 0x40) << 1 | (imm & 0x20) >> 3
                | (imm & 0x10) << 7;
    }

    /** CMPP (Zcmp's cm.push and cm.popret): a register list and the stack adjustment in 16-byte steps. */
    static int cmpp(int op, int f6, int f2, int rlist, int imm) {
        return (op & 0x03) | (f6 & 0x3f) << 10 | (f2 & 0x03) << 8 | (rlist & 0x0f) << 4 | (imm & 0x03) << 2;
    }

    /** The scrambled branch offset of c.beqz and c.bnez, ready for {@link #cb}. */
    static int cbBranchOffset(int offset) {
        return (offset & 0x100) >> 1 | (offset & 0xc0) >> 3 | (offset & 0x20) >> 5 | (offset & 0x18) << 2
                | (offset & 0x06);
    }

    /** The scrambled word offset of c.lwsp and c.swsp. */
    static int spOffset(int offset) {
        return (offset & 0xc0) >> 6 | (offset & 0x3c);
    }
}
