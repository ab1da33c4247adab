package freezer.core.mpy;

import java.util.Arrays;
import java.util.List;

/**
 * An inline-assembler function ({@code @micropython.asm_thumb}, {@code asm_xtensa}, ...):
 * machine code kept as bytes, with its scope flags, number of positional arguments and type
 * signature (py/persistentcode.c load_raw_code, MP_CODE_NATIVE_ASM).
 */
public record AsmFunction(byte[] machineCode, int scopeFlags, int nPosArgs, long typeSig, List<RawCode> children)
        implements NativeCode {

    public AsmFunction {
        machineCode = machineCode.clone();
        children = List.copyOf(children);
        if (scopeFlags < 0 || nPosArgs < 0 || typeSig < 0) {
            throw new IllegalArgumentException("negative asm function field");
        }
    }

    @Override
    public CodeKind kind() {
        return CodeKind.NATIVE_ASM;
    }

    @Override
    public byte[] machineCode() {
        return machineCode.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawCode r && RawCodeTrees.equal(this, r);
    }

    @Override
    public int hashCode() {
        return RawCodeTrees.hash(this);
    }

    @Override
    public String toString() {
        return "AsmFunction[" + machineCode.length + " bytes, " + nPosArgs + " args, " + children.size()
                + " children]";
    }

    boolean sameShallow(AsmFunction o) {
        return scopeFlags == o.scopeFlags && nPosArgs == o.nPosArgs && typeSig == o.typeSig
                && Arrays.equals(machineCode, o.machineCode);
    }
}
