package freezer.core.mpy;

/**
 * The texts tools/mpy-tool.py derives from a module's values, for writers outside this package
 * (the frozen-C writer prints them in its comments): Python's str() and repr() of qstrs, the
 * numbers Python's float() and complex() read from a constant's text, and the opcode names of
 * mpy-tool.py's Opcode.mapping.
 */
public final class MpyToolText {
    private MpyToolText() {
    }

    /** Whether a byte string is well-formed UTF-8 (mpy-tool.py decodes every qstr and str strictly). */
    public static boolean isUtf8(String byteString) {
        return Utf8Text.isValid(byteString);
    }

    /** The code points of a byte string's UTF-8 (invalid bytes at 0x110000 and up, see {@link #isUtf8}). */
    public static int[] codePoints(String byteString) {
        return Utf8Text.codePoints(byteString);
    }

    /** What Python prints for the str these bytes spell ({@code print(s)}, {@code "%s" % s}). */
    public static String plain(String byteString) {
        return Utf8Text.plain(byteString);
    }

    /** Python's repr() of the str these bytes spell. */
    public static String strRepr(String byteString) {
        return PythonRepr.str(byteString);
    }

    /** What Python's float() makes of a float constant's text, or null where it raises. */
    public static Double pythonFloat(String text) {
        return NumberText.pythonFloat(text);
    }

    /** What Python's complex() makes of a complex constant's text ({real, imag}), or null where it raises. */
    public static double[] pythonComplex(String text) {
        return NumberText.pythonComplex(text);
    }

    /** mpy-tool.py's name of an instruction's opcode, with the value a *_MULTI opcode carries. */
    public static String opcodeName(Instruction i) {
        return Disassembler.opcodeName(i);
    }
}
