package freezer.core.mpy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@code @micropython.native} function: machine code (kept as bytes) whose bytecode-style
 * prelude (signature, names, line info) sits inside it at {@code preludeOffset}
 * (py/persistentcode.c load_raw_code, MP_CODE_NATIVE_PY).
 */
public record NativePyFunction(byte[] machineCode, int preludeOffset, List<RawCode> children) implements NativeCode {

    public NativePyFunction {
        machineCode = machineCode.clone();
        children = List.copyOf(children);
        if (preludeOffset < 0 || preludeOffset > machineCode.length) {
            throw new IllegalArgumentException("prelude offset " + preludeOffset + " outside the machine code");
        }
    }

    /** The prelude inside the machine code, decoded as mpy-tool and the loader read it. */
    public record EmbeddedPrelude(Prelude signature, int simpleName, List<Integer> argNames, int lineInfoStart,
            int lineInfoEnd) {
    }

    @Override
    public CodeKind kind() {
        return CodeKind.NATIVE_PY;
    }

    @Override
    public byte[] machineCode() {
        return machineCode.clone();
    }

    /** The embedded prelude; offsets in it are indices into the machine code. */
    public EmbeddedPrelude prelude() {
        try {
            return readPrelude(machineCode, preludeOffset, 0);
        } catch (MpyFormatException e) {
            throw new IllegalStateException("native prelude: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the embedded prelude the way mpy-tool's extract_prelude does: names follow the
     * prelude size whatever n_info says; line info runs from after the names to the end of the
     * closure section.
     */
    static EmbeddedPrelude readPrelude(byte[] code, int preludeOffset, long base) throws MpyFormatException {
        ByteInput in = ByteInput.lenient(code, preludeOffset, base);
        Prelude sig = Prelude.read(in);
        int[] size = Prelude.readSize(in);
        int sourceInfo = in.position();
        long nNames = 1L + sig.nPosArgs() + sig.nKwonlyArgs();
        in.needItems(nNames, "native function name");
        int simpleName = in.uintAsInt("simple name");
        List<Integer> args = new ArrayList<>();
        for (long i = 1; i < nNames; i++) {
            args.add(in.uintAsInt("argument name"));
        }
        int lineStart = in.position();
        long end = (long) sourceInfo + size[0] + size[1];
        if (end > code.length) {
            throw new MpyFormatException(base + sourceInfo, "native prelude's source info and closure section ("
                    + (size[0] + size[1]) + " bytes) run past the end of the machine code");
        }
        return new EmbeddedPrelude(sig, simpleName, args, lineStart, (int) Math.max(lineStart, end));
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
        return "NativePyFunction[" + machineCode.length + " bytes, prelude at " + preludeOffset + ", "
                + children.size() + " children]";
    }

    boolean sameShallow(NativePyFunction o) {
        return preludeOffset == o.preludeOffset && Arrays.equals(machineCode, o.machineCode);
    }
}
