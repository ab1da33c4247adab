package freezer.core.mpy;

import freezer.core.NativeArch;
import freezer.core.qstr.BuiltinQstrs;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a .mpy holds, in numbers: its header facts, how many functions of each kind, qstrs,
 * constants and bytes of code.
 *
 * @param subVersion the sub-version, or -1 for a file without native code (which does not store one)
 * @param size the file's size in bytes
 * @param staticQstrs how many qstrs the file refers to by static number instead of spelling out
 * @param constantsByType constants of each type (str, bytes, int, float, complex, tuple, ...)
 * @param bytecodeBytes the bytes of all bytecode functions' fun_data
 * @param machineCodeBytes the bytes of all native, viper and asm machine code
 */
public record MpyInfo(int version, int subVersion, NativeArch arch, long archFlags, int smallIntBits, long size,
        Map<CodeKind, Integer> functionsByKind, int qstrs, int staticQstrs, int constants,
        Map<String, Integer> constantsByType, long bytecodeBytes, long machineCodeBytes) {

    public MpyInfo {
        // fixed iteration orders: kinds in CodeKind order, types by name
        Map<CodeKind, Integer> kinds = new EnumMap<>(CodeKind.class);
        kinds.putAll(functionsByKind);
        functionsByKind = Collections.unmodifiableMap(kinds);
        constantsByType = Collections.unmodifiableSortedMap(new TreeMap<>(constantsByType));
    }

    public static MpyInfo of(CompiledModule m, long size) {
        Map<CodeKind, Integer> kinds = new EnumMap<>(CodeKind.class);
        long bytecode = 0;
        long machine = 0;
        for (RawCodeTrees.Node n : RawCodeTrees.preorder(m.root())) {
            RawCode rc = n.code();
            kinds.merge(rc.kind(), 1, Integer::sum);
            if (rc instanceof BytecodeFunction f) {
                bytecode += f.funData().length;
            } else {
                machine += ((NativeCode) rc).machineCode().length;
            }
        }
        int statics = 0;
        for (String q : m.qstrs()) {
            if (BuiltinQstrs.get().staticNumber(q) >= 0) {
                statics++;
            }
        }
        Map<String, Integer> types = new TreeMap<>();
        for (ConstObject o : m.constants()) {
            types.merge(ConstRepr.typeName(o), 1, Integer::sum);
        }
        MpyHeader h = m.header();
        return new MpyInfo(h.version(), h.arch() == NativeArch.NONE ? -1 : h.subVersion(), h.arch(), h.archFlags(),
                h.smallIntBits(), size, kinds, m.qstrs().size(), statics, m.constants().size(), types, bytecode, machine);
    }

    public int functions() {
        return functionsByKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The lines {@code freezer info} prints for the file (without the file name). */
    public List<String> lines() {
        StringBuilder kinds = new StringBuilder();
        for (CodeKind k : CodeKind.values()) {
            Integer n = functionsByKind.get(k);
            if (n != null) {
                kinds.append(kinds.length() == 0 ? "" : ", ").append(kindName(k)).append(' ').append(n);
            }
        }
        StringBuilder types = new StringBuilder();
        constantsByType.forEach((t, n) -> types.append(types.length() == 0 ? "" : ", ").append(t).append(' ').append(n));
        return List.of(
                "version: " + version + (subVersion < 0 ? " (bytecode only, loads on any 6.x)" : "." + subVersion),
                "arch: " + (arch == NativeArch.NONE ? "none" : arch.marchName()),
                "arch flags: " + (archFlags == 0 ? "none" : "0x" + Long.toHexString(archFlags)),
                "small-int bits: " + smallIntBits,
                "size: " + size + " bytes (bytecode " + bytecodeBytes + ", machine code " + machineCodeBytes + ")",
                "functions: " + functions() + " (" + kinds + ")",
                "qstrs: " + qstrs + " (" + staticQstrs + " static)",
                "constants: " + constants + (constants == 0 ? "" : " (" + types + ")"));
    }

    private static String kindName(CodeKind k) {
        switch (k) {
            case BYTECODE:
                return "bytecode";
            case NATIVE_PY:
                return "native";
            case NATIVE_VIPER:
                return "viper";
            default:
                return "asm";
        }
    }
}
