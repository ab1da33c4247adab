package freezer.core.mpy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freezer.core.NativeArch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Each kind of bad input gets its own clear verdict at the right offset. */
class MpyReaderErrorsTest {

    private static AbstractThrowableAssert<?, ? extends Throwable> reading(byte[] b) {
        return assertThatThrownBy(() -> MpyReader.read(b)).isInstanceOf(MpyFormatException.class);
    }

    private static long offset(byte[] b) {
        try {
            MpyReader.read(b);
        } catch (MpyFormatException e) {
            return e.offset();
        }
        throw new AssertionError("reads");
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void theTinyModuleReadsBack() throws MpyFormatException {
        byte[] b = Modules.tinyBytes();
        assertThat(MpyWriter.write(MpyReader.read(b))).isEqualTo(b);
    }

    @Test
    void emptyAndWrongMagic() {
        reading(new byte[0]).hasMessageContaining("offset 0: empty file");
        reading("PK\3\4".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .hasMessageContaining("offset 0: not a .mpy file: it starts with byte 0x50");
    }

    @Test
    void otherMajorVersionsNameTheirReleases() {
        reading(bytes('M', 5, 0, 31)).hasMessageContaining("offset 1: .mpy version 5 (written by MicroPython v1.12 to v1.18)")
                .hasMessageContaining("freezer reads version 6");
        reading(bytes('M', 3, 0, 31)).hasMessageContaining("v1.9.3 to v1.10");
        reading(bytes('M', 9, 0, 31)).hasMessageContaining("not written by any MicroPython release");
    }

    @Test
    void nativeCodeOfAnotherSubVersion() {
        int features = NativeArch.X64.code() << 2 | 2;
        reading(bytes('M', 6, features, 31)).hasMessageContaining("offset 2: native code of .mpy version 6.2")
                .hasMessageContaining("v1.22.x").hasMessageContaining("6.3 only");
    }

    @Test
    void reservedBitsAndUnknownArchitectures() {
        reading(bytes('M', 6, 0x80, 31)).hasMessageContaining("reserved bit 7");
        reading(bytes('M', 6, 14 << 2 | 3, 31)).hasMessageContaining("native architecture 14, which does not exist");
        reading(bytes('M', 6, 0x01, 31)).hasMessageContaining("sub-version bits set in a file without native code");
    }

    @Test
    void truncationAndVarintsPastTheEnd() {
        byte[] good = Modules.tinyBytes();
        reading(Arrays.copyOf(good, 3)).hasMessageContaining("offset 3: truncated");
        reading(bytes('M', 6, 0, 31, 0x81)).hasMessageContaining("offset 5: truncated: qstr count runs past the end");
        reading(Arrays.copyOf(good, good.length - 1)).hasMessageContaining("truncated");
    }

    @Test
    void hostileLengthsAndCountsAllocateNothing() {
        // qstr count 2^40 in a file of a few bytes
        reading(bytes('M', 6, 0, 31, 0xa0, 0x80, 0x80, 0x80, 0x80, 0x00, 0x00))
                .hasMessageContaining("offset 4: qstr count 1099511627776 is too large");
        reading(bytes('M', 6, 0, 31, 0x7f, 0x00, 0x02)).hasMessageContaining("offset 5: qstr count 127 is more than the 2 bytes left");
        // a qstr claiming 2^34 bytes
        reading(bytes('M', 6, 0, 31, 0x01, 0x00, 0xc0, 0x80, 0x80, 0x80, 0x00, 0x41))
                .hasMessageContaining("qstr 0 of 8589934592 bytes runs past the end");
        // a function claiming 2^50 bytes
        byte[] head = bytes('M', 6, 0, 31, 0x01, 0x00, 0x0b);
        reading(concat(head, bytes(0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00))).hasMessageContaining("runs past the end");
        reading(bytes('M', 6, 0, 31, 0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00))
                .hasMessageContaining("varint longer than 9 bytes");
    }

    @Test
    void nonCanonicalEncodingsAreNamed() {
        reading(bytes('M', 6, 0, 31, 0x80, 0x01)).hasMessageContaining("redundant leading 0x80");
        // "<module>" spelled out although it is a static qstr
        byte[] spelled = concat(bytes('M', 6, 0, 31, 0x01, 0x00, 0x10), "<module>\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        reading(spelled).hasMessageContaining("qstr 0 '<module>' is spelled out, but it is static qstr");
        reading(bytes('M', 6, 0, 31, 0x01, 0x00, 0x02, 'a', 1)).hasMessageContaining("NUL terminator");
    }

    @Test
    void tableIndicesOutOfRange() throws MpyFormatException {
        // LOAD_NAME 5 with a two-entry qstr table
        byte[] b = MpyWriter.write(Modules.tiny(List.of(), 0x11, 0x05, 0x63));
        reading(b).hasMessageContaining("LOAD_NAME at bytecode offset 0 names a qstr that is qstr 5, but the qstr table has 2 entries");
        assertThat(offset(b)).isEqualTo(b.length - 3);
        // LOAD_CONST_OBJ 1 with one constant
        byte[] c = MpyWriter.write(Modules.tiny(List.of(ConstObject.Singleton.NONE), 0x23, 0x01, 0x63));
        reading(c).hasMessageContaining("loads constant 1, but the constant table has 1 entry");
        // MAKE_FUNCTION 0 without children
        byte[] d = MpyWriter.write(new CompiledModule(MpyHeader.bytecode(31, 0), List.of("t.py", "<module>"), List.of(),
                rawBytecode(Modules.funData(0x32, 0x00, 0x63))));
        reading(d).hasMessageContaining("MAKE_FUNCTION at bytecode offset 0 makes child 0, but the function has 0 children");
    }

    /** A function that skips decode's checks: the bytes, re-read by a lenient path (tests only). */
    private static BytecodeFunction rawBytecode(byte[] funData) {
        // decode with a child so MAKE_FUNCTION 0 is allowed, then drop the child
        BytecodeFunction withChild = BytecodeFunction.decode(funData, List.of(BytecodeFunction.decode(Modules.funData(0x51, 0x63), List.of())));
        return new BytecodeFunction(withChild.prelude(), withChild.simpleName(), withChild.argNames(), withChild.lineInfo(),
                withChild.cells(), withChild.instructions(), List.of());
    }

    @Test
    void opcodesThatDoNotExist() {
        byte[] b = Modules.tinyBytes(0x51, 0x63);
        int at = b.length - 2;
        b[at] = 0x00;
        reading(b).hasMessageContaining("offset " + at + ": byte 0x00 at bytecode offset 0 is not an opcode");
        b[at] = (byte) 0xfa;
        reading(b).hasMessageContaining("byte 0xfa at bytecode offset 0 is not an opcode");
    }

    @Test
    void jumpsIntoTheMiddleOfAnInstruction() {
        // JUMP +1 lands inside LOAD_NAME's argument
        byte[] fun = Modules.funData(0x42, 0x41, 0x11, 0x01, 0x51, 0x63);
        assertThatThrownBy(() -> BytecodeFunction.decode(fun, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JUMP at bytecode offset 0 jumps to 3, which is not the start of an instruction");
    }

    @Test
    void trailingBytesAreNotPartOfTheModule() throws MpyFormatException {
        // as MicroPython's loader and mpy-tool.py: read up to the module's end, the rest is ignored
        byte[] tiny = Modules.tinyBytes();
        byte[] b = concat(tiny, bytes(0, 'M', 6));
        MpyReader.MpyFile f = MpyReader.readFile(b);
        assertThat(f.moduleLength()).isEqualTo(tiny.length);
        assertThat(f.trailingBytes()).isEqualTo(3);
        assertThat(f.module()).isEqualTo(MpyReader.read(tiny));
        assertThat(MpyReader.readFile(tiny).trailingBytes()).isZero();
    }

    @Test
    void numberConstantsMustBeNumbers() {
        byte[] head = bytes('M', 6, 0, 31, 0x02, 0x01, 0x03 + 2 * 0, 0x0d);
        // qstrs: static 1 ('' ) is fine as entry 0; then constant
        List<byte[]> objs = List.of(bytes(7, 2, '0', '7'), bytes(7, 2, '+', '7'), bytes(8, 3, 'a', 'b', 'c'), bytes(9, 1, '('));
        for (byte[] o : objs) {
            byte[] b = concat(concat(head, o), bytes(0x28, 0x00, 0x02, 0x01, 0x51, 0x63));
            reading(b).hasMessageContaining("constant");
        }
    }

    @Test
    void intConstantsOfAnyLengthRoundTrip() throws MpyFormatException {
        // 300,000 digits: quadratic text conversion would take many seconds here
        java.math.BigInteger sevens = java.math.BigInteger.TEN.pow(300_000).subtract(java.math.BigInteger.ONE)
                .divide(java.math.BigInteger.valueOf(9)).multiply(java.math.BigInteger.valueOf(7));
        byte[] ok = MpyWriter.write(Modules.tiny(List.of(new ConstObject.Int(sevens))));
        assertThat(MpyWriter.write(MpyReader.read(ok))).isEqualTo(ok);
    }

    @Test
    void deepTuplesStopAtTheLimit() throws MpyFormatException {
        ConstObject t = new ConstObject.Tuple(List.of());
        for (int i = 0; i < MpyReader.MAX_TUPLE_DEPTH; i++) {
            t = new ConstObject.Tuple(List.of(t));
        }
        CompiledModule deep = Modules.tiny(List.of(t));
        reading(MpyWriter.write(deep)).hasMessageContaining("nested deeper than 1000 levels");
        CompiledModule ok = Modules.tiny(List.of(((ConstObject.Tuple) t).items().get(0)));
        byte[] b = MpyWriter.write(ok);
        assertThat(MpyWriter.write(MpyReader.read(b))).isEqualTo(b);
    }

    /** 30,000 nested functions (far past what recursion on a 1 MB thread stack reaches): reading, writing, comparing, disassembling and merging use no recursion. */
    @Test
    void deeplyNestedFunctions() throws MpyFormatException, MergeException {
        RawCode f = BytecodeFunction.decode(Modules.funData(0x51, 0x63), List.of());
        byte[] parent = Modules.funData(0x32, 0x00, 0x63);
        for (int i = 0; i < 30_000; i++) {
            f = BytecodeFunction.decode(parent, List.of(f));
        }
        CompiledModule m = new CompiledModule(MpyHeader.bytecode(31, 0), List.of("t.py", "<module>"), List.of(), f);
        byte[] b = MpyWriter.write(m);
        CompiledModule back = MpyReader.read(b);
        assertThat(back).isEqualTo(m);
        assertThat(back.hashCode()).isEqualTo(m.hashCode());
        assertThat(Disassembler.disassemble("t.mpy", back)).contains("children: [<module>]");
        assertThat(DisassemblyJson.write(List.of(new DisassemblyJson.Input("t.mpy", back)))).contains("\"id\" : 30000");
        assertThat(MpyInfo.of(back, b.length).functions()).isEqualTo(30_001);
        byte[] merged = Merger.merge(List.of(Modules.tiny(List.of()), back), Merger.Jumps.CORRECT);
        assertThat(MpyReader.read(merged).root().children()).hasSize(2);
        assertThat(MismatchReport.describe(b, merged)).contains("first difference");
    }

    @Test
    void mismatchReportNamesFunctionAndInstruction() throws MpyFormatException {
        byte[] a = Modules.tinyBytes(0x11, 0x01, 0x63);
        byte[] b = Modules.tinyBytes(0x12, 0x01, 0x63);
        String report = MismatchReport.describe(a, b);
        assertThat(report).contains("first difference at byte offset " + (a.length - 3))
                .contains("expected: function '<module>' (path 0), instruction at bytecode offset 0: LOAD_NAME <module>")
                .contains("actual  : function '<module>' (path 0), instruction at bytecode offset 0: LOAD_GLOBAL <module>");
        List<String> lines = new ArrayList<>(List.of(MismatchReport.describe(a, Arrays.copyOf(a, 3)).split("\n")));
        assertThat(lines.get(0)).startsWith("actual ends at byte offset 3");
        assertThat(lines.get(3)).contains("does not read as a .mpy: offset 3: truncated");
        assertThat(MismatchReport.describe(a, a)).startsWith("the files are identical");
    }
}
