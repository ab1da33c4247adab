package freezer.core.mpy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * How the bytes of a module's .mpy divide, in the order {@link MpyWriter} writes them: the
 * header (with the arch flags and the two table counts), the qstr table, the constant table,
 * then each function's raw code, parents before children. A memory map of a ROMFS image uses
 * it to say how much of a .mpy is code and how much is tables.
 *
 * @param header 'M', version, features, small-int bits, arch flags, the two counts
 * @param qstrTable the qstrs, spelled out or by static number
 * @param constTable the constant objects
 * @param functions each function's raw-code record (kind and length, body, children count), in file order
 */
public record MpyParts(int header, int qstrTable, int constTable, List<Function> functions) {

    /** One function's share of the file and what kind of code it is. */
    public record Function(CodeKind kind, int size) {
    }

    public MpyParts {
        functions = List.copyOf(functions);
    }

    public static MpyParts of(CompiledModule m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MpyWriter.headerBytes(m.header()));
        if (m.header().archFlags() != 0) {
            Uint.write(out, m.header().archFlags());
        }
        Uint.write(out, m.qstrs().size());
        Uint.write(out, m.constants().size());
        int header = out.size();
        out.reset();
        for (String q : m.qstrs()) {
            MpyWriter.writeQstr(out, q);
        }
        int qstrs = out.size();
        out.reset();
        for (ConstObject o : m.constants()) {
            MpyWriter.writeObj(out, o);
        }
        int consts = out.size();
        List<Function> functions = new ArrayList<>();
        for (RawCodeTrees.Node n : RawCodeTrees.preorder(m.root())) {
            RawCode rc = n.code();
            // a function's own record: its subtree less its children's subtrees
            int size = subtreeSize(rc);
            for (RawCode child : rc.children()) {
                size -= subtreeSize(child);
            }
            functions.add(new Function(rc.kind(), size));
        }
        return new MpyParts(header, qstrs, consts, functions);
    }

    private static int subtreeSize(RawCode rc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MpyWriter.writeCode(out, rc);
        return out.size();
    }

    /** The whole file's size. */
    public long size() {
        long s = (long) header + qstrTable + constTable;
        for (Function f : functions) {
            s += f.size();
        }
        return s;
    }
}
