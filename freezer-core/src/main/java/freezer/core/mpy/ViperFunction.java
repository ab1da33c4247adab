package freezer.core.mpy;

import java.util.Arrays;
import java.util.List;

/**
 * A {@code @micropython.viper} function, or a native module's code from tools/mpy_ld.py:
 * machine code kept as bytes, its scope flags, and the optional read-only data, BSS size and
 * relocation stream the flags announce (py/persistentcode.c load_raw_code).
 *
 * @param rodata the read-only data, present exactly when the scope flags have
 *     {@link #FLAG_RODATA}
 * @param bssSize the BSS size, meaningful when the flags have {@link #FLAG_BSS} (0 otherwise)
 * @param relocations the relocation stream (without its end byte), present when the flags have
 *     {@link #FLAG_RELOC}
 */
public record ViperFunction(byte[] machineCode, int scopeFlags, byte[] rodata, long bssSize,
        List<Relocation> relocations, List<RawCode> children) implements NativeCode {
    public static final int FLAG_RELOC = 0x10;
    public static final int FLAG_RODATA = 0x20;
    public static final int FLAG_BSS = 0x40;

    public ViperFunction {
        machineCode = machineCode.clone();
        rodata = rodata == null ? null : rodata.clone();
        relocations = List.copyOf(relocations);
        children = List.copyOf(children);
        if ((rodata != null) != ((scopeFlags & FLAG_RODATA) != 0)) {
            throw new IllegalArgumentException("rodata must be given exactly when the flags say so");
        }
        if (bssSize < 0 || (bssSize != 0 && (scopeFlags & FLAG_BSS) == 0)) {
            throw new IllegalArgumentException("a BSS size needs the BSS flag");
        }
        if (!relocations.isEmpty() && (scopeFlags & FLAG_RELOC) == 0) {
            throw new IllegalArgumentException("relocations need the relocation flag");
        }
        if ((scopeFlags & FLAG_RELOC) != 0 && !children.isEmpty()) {
            // persistentcode.c reads the stream after the children, mpy-tool.py before them
            throw new IllegalArgumentException("a viper function with relocations cannot have children");
        }
    }

    @Override
    public CodeKind kind() {
        return CodeKind.NATIVE_VIPER;
    }

    @Override
    public byte[] machineCode() {
        return machineCode.clone();
    }

    @Override
    public byte[] rodata() {
        return rodata == null ? null : rodata.clone();
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
        return "ViperFunction[" + machineCode.length + " bytes, flags " + scopeFlags + ", "
                + relocations.size() + " relocations, " + children.size() + " children]";
    }

    boolean sameShallow(ViperFunction o) {
        return scopeFlags == o.scopeFlags && bssSize == o.bssSize && Arrays.equals(machineCode, o.machineCode)
                && Arrays.equals(rodata, o.rodata) && relocations.equals(o.relocations);
    }
}
