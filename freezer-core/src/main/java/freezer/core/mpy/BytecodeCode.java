package freezer.core.mpy;

import java.util.Arrays;
import java.util.List;

/**
 * A bytecode function: its fun_data (prelude, names, line info, cell info and opcodes, as
 * py/emitbc.c lays them out) and the functions it creates, in the order its MAKE_FUNCTION
 * opcodes number them.
 */
public record BytecodeCode(byte[] funData, List<RawCode> children) implements RawCode {
    public BytecodeCode {
        funData = funData.clone();
        children = List.copyOf(children);
    }

    @Override
    public byte[] funData() {
        return funData.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BytecodeCode b && Arrays.equals(funData, b.funData) && children.equals(b.children);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(funData) * 31 + children.hashCode();
    }

    @Override
    public String toString() {
        return "BytecodeCode[" + funData.length + " bytes, " + children.size() + " children]";
    }
}
