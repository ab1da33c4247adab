package freezer.image.frozenc;

/**
 * The "byte sizes" comment mpy-tool.py ends its output with: its own rough counts (4 bytes a
 * word, whatever the target), kept byte for byte, quirks included (float objects count 12 bytes,
 * complex and long-long ones nothing, the qstr-table count stays 0).
 */
final class MpyToolStats {
    long qstrContent;
    long bcContent;
    long constStrContent;
    long constIntContent;
    long constObjContent;
    long constTableQstrContent;
    long constTablePtrContent;
    long rawCodeCount;
    long rawCodeContent;
    long namesContent = 1;
    long mpyContentSize;

    void write(CText c, int newQstrs) {
        c.line("/*");
        c.line("byte sizes:");
        c.line("qstr content: " + newQstrs + " unique, " + qstrContent + " bytes");
        c.line("bc content: " + bcContent);
        c.line("const str content: " + constStrContent);
        c.line("const int content: " + constIntContent);
        c.line("const obj content: " + constObjContent);
        c.line("const table qstr content: " + constTableQstrContent + " entries, " + constTableQstrContent * 4 + " bytes");
        c.line("const table ptr content: " + constTablePtrContent + " entries, " + constTablePtrContent * 4 + " bytes");
        c.line("raw code content: " + rawCodeCount + " * 4 = " + rawCodeContent);
        c.line("mp_frozen_mpy_names_content: " + namesContent);
        c.line("mp_frozen_mpy_content_size: " + mpyContentSize);
        long total = qstrContent + bcContent + constStrContent + constIntContent + constObjContent
                + constTableQstrContent * 4 + constTablePtrContent * 4 + rawCodeContent + namesContent + mpyContentSize;
        c.line("total: " + total);
        c.line("*/");
    }
}
