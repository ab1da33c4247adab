package freezer.image.frozenc;

import freezer.core.mpy.ConstObject;
import freezer.core.mpy.MpyHeader;
import freezer.core.mpy.MpyToolText;
import freezer.image.layout.CType;
import freezer.image.layout.Refs;
import freezer.image.map.ItemKind;
import freezer.image.qstr.QstrEscape;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One module as C (mpy-tool.py CompiledModule.freeze): a banner, its functions, its qstr and
 * constant tables with the constants, and its {@code mp_frozen_module_t}.
 */
final class ModuleWriter {
    private final FreezeContext ctx;
    private final ReadModule module;
    private final CText c;
    private final CObjects objects;

    ModuleWriter(FreezeContext ctx, ReadModule module, CText c, CObjects objects) {
        this.ctx = ctx;
        this.module = module;
        this.c = c;
        this.objects = objects;
    }

    /** Writes the module; returns the functions it wrote. */
    List<FrozenFunction> write() throws FreezeException {
        String name = module.cName();
        c.line();
        c.line("/".repeat(80));
        c.line("// frozen module " + name);
        c.line("// - original source file: " + module.input().mpySourceFile());
        c.line("// - frozen file name: " + MpyToolText.plain(module.sourceName()));
        c.line("// - .mpy header: " + header(module.input().module().header()));
        c.line();
        RawCodeWriter functions = new RawCodeWriter(ctx, module, c, objects);
        functions.write(module.root());
        objects.function(null);
        c.line();
        constants();
        c.line();
        c.line("static const mp_frozen_module_t frozen_module_" + name + " = {");
        c.line("    .constants = {");
        c.line("        .qstr_table = (qstr_short_t *)&const_qstr_table_data_" + name + ",");
        if (module.constants().isEmpty()) {
            c.line("        .obj_table = NULL,");
        } else {
            c.line("        .obj_table = (mp_obj_t *)&const_obj_table_data_" + name + ",");
        }
        c.line("    },");
        c.line("    .proto_fun = &proto_fun_" + module.root().cName() + ",");
        c.line("};");
        objects.add("frozen_module_" + name, ItemKind.FROZEN_MODULE, new CType.FrozenModule(), Refs.LOCAL);
        return functions.functions();
    }

    /** The qstrs the module uses: its table, then the str constants that are qstrs. */
    List<String> usedQstrs() {
        Set<String> used = new LinkedHashSet<>(module.qstrs());
        for (ConstObject o : module.constants()) {
            addStrings(o, used);
        }
        return new ArrayList<>(used);
    }

    private void addStrings(ConstObject o, Set<String> used) {
        if (o instanceof ConstObject.Str s && (s.bytes().isEmpty() || ctx.reader().isQstr(s.bytes()))) {
            used.add(s.bytes());
        } else if (o instanceof ConstObject.Tuple t) {
            for (ConstObject item : t.items()) {
                addStrings(item, used);
            }
        }
    }

    private static String header(MpyHeader h) {
        return String.format("%02x:%02x:%02x:%02x", (int) 'M', h.version(), h.featuresByte(), h.smallIntBits() & 0xff);
    }

    private void constants() throws FreezeException {
        String name = module.cName();
        List<String> qstrs = module.qstrs();
        c.line("static const qstr_short_t const_qstr_table_data_" + name + "[" + qstrs.size() + "] = {");
        for (String q : qstrs) {
            c.line("    MP_QSTR_" + QstrEscape.identifier(q) + ",");
        }
        c.line("};");
        objects.add("const_qstr_table_data_" + name, ItemKind.QSTR_TABLE, new CType.Ints(qstrs.size(), 2), Refs.NONE);
        List<ConstObject> table = module.constants();
        if (table.isEmpty()) {
            return;
        }
        c.line();
        c.line("// constants");
        ConstantWriter writer = new ConstantWriter(ctx, MpyToolText.plain(module.sourceName()), c, objects);
        List<ConstantWriter.Ref> refs = new ArrayList<>(table.size());
        for (int i = 0; i < table.size(); i++) {
            refs.add(writer.write("const_obj_" + name + "_" + i, table.get(i)));
        }
        c.line();
        c.line("// constant table");
        c.line("static const mp_rom_obj_t const_obj_table_data_" + name + "[" + table.size() + "] = {");
        Refs all = Refs.NONE;
        for (ConstantWriter.Ref r : refs) {
            c.line("    " + r.text() + ",");
            all = all.and(r.refs());
        }
        c.line("};");
        objects.add("const_obj_table_data_" + name, ItemKind.OBJ_TABLE, new CType.Objects(table.size()), all);
        ctx.stats().constTablePtrContent += table.size();
    }
}
