package freezer.image.frozenc;

import freezer.core.DeepStack;
import freezer.core.mpy.MpyToolText;
import freezer.image.layout.CType;
import freezer.image.layout.Refs;
import freezer.image.manifest.LongIntImpl;
import freezer.image.manifest.MpyToolOptions;
import freezer.image.map.ItemKind;
import freezer.image.map.UnitKind;
import freezer.image.qstr.FrozenQstrPool;
import freezer.image.qstr.QstrHash;
import freezer.image.qstr.StaticQstrs;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes frozen_content.c byte for byte as tools/makemanifest.py and {@code tools/mpy-tool.py -f}
 * (MicroPython v1.28.0) do: the str part, then the new qstrs, every module, the module tables
 * and mpy-tool.py's size comment, or makemanifest.py's stand-in when nothing is compiled. It
 * records every C object it writes, for the layout, and the faults upstream writes silently.
 */
public final class FrozenCWriter {
    private static final String STR_BANNER = "//\n// Content for MICROPY_MODULE_FROZEN_STR\n//\n";
    private static final String MPY_BANNER = "//\n// Content for MICROPY_MODULE_FROZEN_MPY\n//\n";
    private static final Pattern C_IDENTIFIER_PART = Pattern.compile("[A-Za-z0-9_]*");

    private final FreezeInput input;
    private final CObjects objects = new CObjects();
    private final List<FrozenUnit> units = new ArrayList<>();

    private FrozenCWriter(FreezeInput input) {
        this.input = input;
    }

    /**
     * Writes the C.
     *
     * @throws FreezeException where mpy-tool.py fails (a float too large for a C float, a big
     *     int without long-int support, code it cannot relocate, mixed architectures, a qstr
     *     that is not UTF-8)
     */
    public static FrozenImage write(FreezeInput input) throws FreezeException {
        FrozenCWriter w = new FrozenCWriter(input);
        try {
            // nested functions are written recursively: keep deep nesting off the caller's stack
            return DeepStack.call(() -> {
                try {
                    return w.writeAll();
                } catch (FreezeException e) {
                    throw new Failed(e);
                }
            });
        } catch (Failed f) {
            throw f.cause;
        }
    }

    private static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient FreezeException cause;

        Failed(FreezeException cause) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
        }
    }

    private FrozenImage writeAll() throws FreezeException {
        MpyToolReader reader = new MpyToolReader(StaticQstrs.strings());
        List<ReadModule> read = new ArrayList<>(input.modules().size());
        for (FrozenMpy m : input.modules()) {
            read.add(reader.read(m));
        }
        FreezeContext ctx = new FreezeContext(input.firmware(), input.options(), input.singlePrecision(), reader);
        FrozenQstrPool pool = FrozenQstrPool.build(reader.metInOrder(), input.firmware());

        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        out.writeBytes(STR_BANNER.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(StrContentWriter.write(input.strs()));
        strObjects(ctx);
        out.writeBytes(MPY_BANNER.getBytes(StandardCharsets.US_ASCII));
        CText c = new CText();
        if (read.isEmpty()) {
            standIn(c);
        } else {
            mpyPart(c, ctx, read, pool);
        }
        out.writeBytes(c.toString().getBytes(StandardCharsets.UTF_8));
        moduleNameWarnings(ctx, read);
        trailingBytesWarnings(ctx, read);
        qstrWarnings(ctx, pool);
        return new FrozenImage(out.toByteArray(), units, objects.all(), pool, input.firmware(), reader.arch(),
                ctx.warnings());
    }

    /** The str part's objects; each str module owns its text and its entries in the name and size lists. */
    private void strObjects(FreezeContext ctx) {
        List<FrozenStr> strs = input.strs();
        for (int i = 0; i < strs.size(); i++) {
            FrozenStr s = strs.get(i);
            units.add(new FrozenUnit(s.target(), UnitKind.STR, s.source(), null, List.of(), List.of()));
            objects.unit(i);
            objects.add("mp_frozen_str_sizes", ItemKind.FROZEN_STR_SIZES, new CType.Ints(1, 4), Refs.NONE);
            objects.add("mp_frozen_str_content", ItemKind.FROZEN_STR_CONTENT, new CType.Ints(s.length() + 1L, 1),
                    Refs.NONE);
            if (s.length() == 0) {
                ctx.warn(s.target(), FreezeWarning.Kind.EMPTY_STR_MODULE, "an empty file frozen as text has size 0,"
                        + " which ends mp_frozen_str_sizes early: the str modules after it are not found (and the unix"
                        + " port crashes importing them)");
            }
        }
        objects.unit(-1);
        objects.add("mp_frozen_str_sizes", ItemKind.FROZEN_STR_SIZES, new CType.Ints(1, 4), Refs.NONE);
        // the final "\0" literal and the array's own terminating NUL
        objects.add("mp_frozen_str_content", ItemKind.FROZEN_STR_CONTENT, new CType.Ints(2, 1), Refs.NONE);
    }

    /** The names of str modules in mp_frozen_names belong to them. */
    private void strNames() {
        List<FrozenStr> strs = input.strs();
        for (int i = 0; i < strs.size(); i++) {
            objects.unit(i);
            objects.add("mp_frozen_names", ItemKind.FROZEN_NAMES,
                    new CType.Ints(strs.get(i).target().getBytes(StandardCharsets.UTF_8).length + 1L, 1), Refs.NONE);
        }
        objects.unit(-1);
    }

    /** makemanifest.py's own C when no module is compiled or prebuilt. */
    private void standIn(CText c) {
        c.line("#include \"py/emitglue.h\"");
        c.line("extern const qstr_pool_t mp_qstr_const_pool;");
        c.line("const qstr_pool_t mp_qstr_frozen_const_pool = {");
        c.line("    #if MICROPY_QSTR_BYTES_IN_HASH");
        c.line("    (qstr_pool_t*)&mp_qstr_const_pool, MP_QSTRnumber_of, 0, 0, 0, NULL, NULL, {},");
        c.line("    #else");
        c.line("    (qstr_pool_t*)&mp_qstr_const_pool, MP_QSTRnumber_of, 0, 0, 0, NULL, {},");
        c.line("    #endif");
        c.line("};");
        c.line("const char mp_frozen_names[] = { MP_FROZEN_STR_NAMES \"\\0\"};");
        c.line("const mp_raw_code_t *const mp_frozen_mpy_content[] = {NULL};");
        objects.unit(-1);
        objects.add("mp_qstr_frozen_const_pool", ItemKind.QSTR_POOL,
                new CType.QstrPool(0, input.firmware().config().bytesInHash() != 0), Refs.EXTERN);
        strNames();
        objects.add("mp_frozen_names", ItemKind.FROZEN_NAMES, new CType.Ints(2, 1), Refs.NONE);
        objects.add("mp_frozen_mpy_content", ItemKind.FROZEN_MPY_CONTENT, new CType.Pointers(1), Refs.NONE);
    }

    private void mpyPart(CText c, FreezeContext ctx, List<ReadModule> read, FrozenQstrPool pool) throws FreezeException {
        var config = input.firmware().config();
        MpyToolOptions options = input.options();
        c.line("#include \"py/mpconfig.h\"");
        c.line("#include \"py/objint.h\"");
        c.line("#include \"py/objstr.h\"");
        c.line("#include \"py/emitglue.h\"");
        c.line("#include \"py/nativeglue.h\"");
        c.line();
        c.line("#if MICROPY_LONGINT_IMPL != " + options.longIntImpl().number());
        c.line("#error \"incompatible MICROPY_LONGINT_IMPL\"");
        c.line("#endif");
        c.line();
        if (options.longIntImpl() == LongIntImpl.MPZ) {
            c.line("#if MPZ_DIG_SIZE != " + options.mpzDigSize());
            c.line("#error \"incompatible MPZ_DIG_SIZE\"");
            c.line("#endif");
            c.line();
        }
        c.line("#if MICROPY_PY_BUILTINS_FLOAT");
        c.line("typedef struct _mp_obj_float_t {");
        c.line("    mp_obj_base_t base;");
        c.line("    mp_float_t value;");
        c.line("} mp_obj_float_t;");
        c.line("#endif");
        c.line();
        c.line("#if MICROPY_PY_BUILTINS_COMPLEX");
        c.line("typedef struct _mp_obj_complex_t {");
        c.line("    mp_obj_base_t base;");
        c.line("    mp_float_t real;");
        c.line("    mp_float_t imag;");
        c.line("} mp_obj_complex_t;");
        c.line("#endif");
        c.line();
        List<FrozenQstrPool.Entry> entries = pool.entries();
        if (!entries.isEmpty()) {
            c.line("enum {");
            for (int i = 0; i < entries.size(); i++) {
                c.line("    MP_QSTR_" + entries.get(i).identifier() + (i == 0 ? " = MP_QSTRnumber_of," : ","));
            }
            c.line("};");
        }
        objects.unit(-1);
        MpyToolStats stats = ctx.stats();
        if (config.bytesInHash() != 0) {
            c.line();
            c.line("const qstr_hash_t mp_qstr_frozen_const_hashes[] = {");
            for (FrozenQstrPool.Entry e : entries) {
                c.line("    " + QstrHash.compute(e.bytes(), config.bytesInHash()) + ",");
                stats.qstrContent += config.bytesInHash();
            }
            c.line("};");
            objects.add("mp_qstr_frozen_const_hashes", ItemKind.QSTR_HASHES,
                    new CType.Ints(entries.size(), config.bytesInHash()), Refs.NONE);
        }
        c.line();
        c.line("const qstr_len_t mp_qstr_frozen_const_lengths[] = {");
        for (FrozenQstrPool.Entry e : entries) {
            c.line("    " + e.bytes().length() + ",");
            stats.qstrContent += config.bytesInLen() + e.bytes().length() + 1;
        }
        c.line("};");
        objects.add("mp_qstr_frozen_const_lengths", ItemKind.QSTR_LENGTHS,
                new CType.Ints(entries.size(), config.bytesInLen()), Refs.NONE);
        c.line();
        c.line("extern const qstr_pool_t mp_qstr_const_pool;");
        c.line("const qstr_pool_t mp_qstr_frozen_const_pool = {");
        c.line("    &mp_qstr_const_pool, // previous pool");
        c.line("    MP_QSTRnumber_of, // previous pool size");
        c.line("    true, // is_sorted");
        c.line("    " + pool.allocated() + ", // allocated entries");
        c.line("    " + entries.size() + ", // used entries");
        if (config.bytesInHash() != 0) {
            c.line("    (qstr_hash_t *)mp_qstr_frozen_const_hashes,");
        }
        c.line("    (qstr_len_t *)mp_qstr_frozen_const_lengths,");
        c.line("    {");
        objects.add("mp_qstr_frozen_const_pool", ItemKind.QSTR_POOL, new CType.QstrPool(entries.size(),
                config.bytesInHash() != 0), Refs.EXTERN);
        for (FrozenQstrPool.Entry e : entries) {
            c.line("        \"" + escapeBytes(e.bytes()) + "\",");
            objects.literal(e.bytes(), MpyToolText.plain(e.bytes()));
        }
        c.line("    },");
        c.line("};");

        int base = input.strs().size();
        for (int i = 0; i < read.size(); i++) {
            ReadModule m = read.get(i);
            objects.unit(base + i);
            ModuleWriter w = new ModuleWriter(ctx, m, c, objects);
            List<FrozenFunction> functions = w.write();
            units.add(new FrozenUnit(MpyToolText.plain(m.sourceName()), m.input().prebuilt() ? UnitKind.MPY
                    : UnitKind.COMPILED, m.input().source(), m.cName(), functions, w.usedQstrs()));
        }
        tables(c, stats, read);
        stats.write(c, entries.size());
    }

    private void tables(CText c, MpyToolStats stats, List<ReadModule> read) {
        int base = input.strs().size();
        c.line();
        c.line("/".repeat(80));
        c.line("// collection of all frozen modules");
        c.line();
        c.line("const char mp_frozen_names[] = {");
        c.line("    #ifdef MP_FROZEN_STR_NAMES");
        c.line("    MP_FROZEN_STR_NAMES");
        c.line("    #endif");
        strNames();
        for (int i = 0; i < read.size(); i++) {
            String name = MpyToolText.plain(read.get(i).sourceName());
            c.line("    \"" + name + "\\0\"");
            stats.namesContent += name.codePointCount(0, name.length()) + 1;
            objects.unit(base + i);
            objects.add("mp_frozen_names", ItemKind.FROZEN_NAMES, new CType.Ints(read.get(i).sourceName().length() + 1L, 1),
                    Refs.NONE);
        }
        c.line("    \"\\0\"");
        c.line("};");
        objects.unit(-1);
        objects.add("mp_frozen_names", ItemKind.FROZEN_NAMES, new CType.Ints(2, 1), Refs.NONE);
        c.line();
        c.line("const mp_frozen_module_t *const mp_frozen_mpy_content[] = {");
        for (int i = 0; i < read.size(); i++) {
            c.line("    &frozen_module_" + read.get(i).cName() + ",");
            objects.unit(base + i);
            objects.add("mp_frozen_mpy_content", ItemKind.FROZEN_MPY_CONTENT, new CType.Pointers(1), Refs.LOCAL);
        }
        c.line("};");
        objects.unit(-1);
        stats.mpyContentSize = 4L * read.size();
        c.line();
        c.line("#ifdef MICROPY_FROZEN_LIST_ITEM");
        for (ReadModule m : read) {
            String name = MpyToolText.plain(m.sourceName());
            String shortName = name.endsWith("/__init__.py") ? name.substring(0, name.length() - "/__init__.py".length())
                    : name.substring(0, Math.max(0, name.length() - 3));
            c.line("MICROPY_FROZEN_LIST_ITEM(\"" + shortName + "\", \"" + name + "\")");
        }
        c.line("#endif");
        c.line();
    }

    /** makeqstrdata.py escape_bytes: printable ASCII as it is, anything else entirely as {@code \xNN}. */
    static String escapeBytes(String byteString) {
        boolean plain = true;
        for (int cp : MpyToolText.codePoints(byteString)) {
            if (cp < 32 || cp > 126 || cp == '\\' || cp == '"') {
                plain = false;
                break;
            }
        }
        if (plain) {
            return byteString;
        }
        StringBuilder b = new StringBuilder(byteString.length() * 4);
        for (int i = 0; i < byteString.length(); i++) {
            int v = byteString.charAt(i) & 0xff;
            b.append("\\x").append(Character.forDigit(v >> 4, 16)).append(Character.forDigit(v & 0xf, 16));
        }
        return b.toString();
    }

    private void moduleNameWarnings(FreezeContext ctx, List<ReadModule> read) {
        Map<String, String> byCName = new HashMap<>();
        for (ReadModule m : read) {
            String name = MpyToolText.plain(m.sourceName());
            if (!C_IDENTIFIER_PART.matcher(m.cName()).matches()) {
                ctx.warn(name, FreezeWarning.Kind.MODULE_C_NAME, "its C name frozen_module_" + m.cName()
                        + " is not a C identifier: the C does not compile");
            }
            String other = byCName.putIfAbsent(m.cName(), name);
            if (other != null) {
                ctx.warn(name, FreezeWarning.Kind.MODULE_C_NAME, "its C name frozen_module_" + m.cName()
                        + " is also the C name of " + other + ": the C does not compile");
            }
        }
    }

    private static void trailingBytesWarnings(FreezeContext ctx, List<ReadModule> read) {
        for (ReadModule m : read) {
            long n = m.input().trailingBytes();
            if (n > 0) {
                ctx.warn(MpyToolText.plain(m.sourceName()), FreezeWarning.Kind.MPY_TRAILING_BYTES, m.input().source()
                        + ": offset " + m.input().moduleLength() + ": " + n + (n == 1 ? " byte follows" : " bytes follow")
                        + " the end of the module; not frozen (MicroPython and mpy-tool.py ignore them too)");
            }
        }
    }

    private void qstrWarnings(FreezeContext ctx, FrozenQstrPool pool) {
        for (FrozenQstrPool.Clash clash : pool.clashes()) {
            String user = null;
            for (FrozenUnit u : units) {
                if (u.qstrs().contains(clash.lost())) {
                    user = u.path();
                    break;
                }
            }
            ctx.warn(user, FreezeWarning.Kind.QSTR_IDENTIFIER, "qstr " + MpyToolText.strRepr(clash.lost())
                    + " has the identifier MP_QSTR_" + clash.identifier() + " of "
                    + (clash.inFirmware() ? "the firmware's qstr " : "qstr ") + MpyToolText.strRepr(clash.winner())
                    + ": at run time the code sees " + MpyToolText.strRepr(clash.winner()));
        }
    }
}
