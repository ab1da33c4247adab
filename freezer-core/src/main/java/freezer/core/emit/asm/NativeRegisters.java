package freezer.core.emit.asm;

/**
 * The registers the native emitter works with on one architecture (the REG_* names each
 * py/asm*.h defines for GENERIC_ASM_API), as the assembler numbers them.
 *
 * @param ret where a called function returns its result (REG_RET)
 * @param arg1 the first argument of a call (REG_ARG_1); {@code arg2}..{@code arg4} likewise
 * @param temp0 scratch registers the emitter may clobber (REG_TEMP0..2); temp0 may equal ret
 * @param local1 callee-saved registers that hold locals or module tables (REG_LOCAL_1..3)
 * @param funTable the register holding the address of mp_fun_table (REG_FUN_TABLE)
 * @param parentRet where this function returns its own result (REG_PARENT_RET; usually ret)
 * @param parentArg1 where this function receives its arguments (REG_PARENT_ARG_1..4; usually
 *     the same as arg1..arg4, different on architectures with register windows)
 * @param zero a register that always reads 0 (REG_ZERO), or -1 when there is none
 */
public record NativeRegisters(int ret, int arg1, int arg2, int arg3, int arg4, int temp0, int temp1, int temp2,
        int local1, int local2, int local3, int funTable, int parentRet, int parentArg1, int parentArg2,
        int parentArg3, int parentArg4, int zero) {

    /** The registers of an architecture whose functions get and return values where they pass them on. */
    public static NativeRegisters of(int ret, int arg1, int arg2, int arg3, int arg4, int temp0, int temp1,
            int temp2, int local1, int local2, int local3, int funTable) {
        return new NativeRegisters(ret, arg1, arg2, arg3, arg4, temp0, temp1, temp2, local1, local2, local3,
                funTable, ret, arg1, arg2, arg3, arg4, -1);
    }

    public boolean hasZero() {
        return zero >= 0;
    }
}
