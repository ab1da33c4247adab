package freezer.core.mpy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import freezer.core.ByteStrings;
import freezer.core.NativeArch;
import freezer.core.bytecode.OperandFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The disassembly as JSON: what {@link Disassembler} prints, as structured data (schema in
 * docs/dis.md). Functions are a flat list in mpy-tool's order, linked by ids, so any nesting
 * depth gives a shallow document.
 */
public final class DisassemblyJson {
    /** The schema version, bumped when a field changes meaning or goes away. */
    public static final int SCHEMA_VERSION = 1;

    private final JsonGenerator g;

    private DisassemblyJson(JsonGenerator g) {
        this.g = g;
    }

    /** A module and the name it was given as (mpy-tool's mpy_source_file). */
    public record Input(String mpySourceFile, CompiledModule module) {
    }

    /** The JSON document for these modules, ending with a newline. */
    public static String write(List<Input> inputs) {
        StringWriter w = new StringWriter();
        JsonFactory factory = JsonFactory.builder()
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(10_000).build()).build();
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        try (JsonGenerator g = factory.createGenerator(w)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indent).withArrayIndenter(indent));
            DisassemblyJson j = new DisassemblyJson(g);
            g.writeStartObject();
            g.writeStringField("format", "freezer-dis");
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeArrayFieldStart("files");
            for (Input in : inputs) {
                j.module(in.mpySourceFile(), in.module());
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString() + "\n";
    }

    private void module(String name, CompiledModule m) throws IOException {
        MpyHeader h = m.header();
        g.writeStartObject();
        g.writeStringField("mpySourceFile", name);
        g.writeStringField("sourceFile", Utf8Text.plain(m.qstrs().get(0)));
        g.writeStringField("header", Hex.colons(MpyWriter.headerBytes(h)));
        g.writeNumberField("version", h.version());
        if (h.arch() == NativeArch.NONE) {
            g.writeNullField("subVersion");
        } else {
            g.writeNumberField("subVersion", h.subVersion());
        }
        g.writeStringField("arch", Disassembler.archName(h.featuresByte()));
        if (h.archFlags() == 0) {
            g.writeNullField("archFlags");
        } else {
            g.writeNumberField("archFlags", h.archFlags());
        }
        g.writeNumberField("smallIntBits", h.smallIntBits());
        g.writeArrayFieldStart("qstrs");
        for (String q : m.qstrs()) {
            g.writeString(Utf8Text.plain(q));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("constants");
        for (ConstObject o : m.constants()) {
            constant(o);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("functions");
        List<RawCodeTrees.Node> nodes = RawCodeTrees.preorder(m.root());
        List<List<Integer>> childIds = new ArrayList<>();
        for (RawCodeTrees.Node n : nodes) {
            childIds.add(new ArrayList<>());
            if (n.parent() >= 0) {
                childIds.get(n.parent()).add(n.id());
            }
        }
        List<String> paths = RawCodeTrees.pathTexts(nodes);
        for (RawCodeTrees.Node n : nodes) {
            function(m, n, paths.get(n.id()), childIds.get(n.id()));
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void constant(ConstObject o) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", ConstRepr.typeName(o));
        g.writeStringField("repr", ConstRepr.repr(o));
        if (o instanceof ConstObject.Str s) {
            g.writeStringField("hex", Hex.plain(ByteStrings.bytes(s.bytes())));
        } else if (o instanceof ConstObject.Bytes b) {
            g.writeStringField("hex", Hex.plain(ByteStrings.bytes(b.bytes())));
        } else if (o instanceof ConstObject.Int i) {
            g.writeStringField("text", i.value().toString());
        } else if (o instanceof ConstObject.FloatRepr f) {
            g.writeStringField("text", f.repr());
        } else if (o instanceof ConstObject.ComplexRepr c) {
            g.writeStringField("text", c.repr());
        } else if (o instanceof ConstObject.Tuple t) {
            g.writeArrayFieldStart("items");
            for (ConstObject item : t.items()) {
                constant(item);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void function(CompiledModule m, RawCodeTrees.Node n, String path, List<Integer> children) throws IOException {
        RawCode rc = n.code();
        g.writeStartObject();
        g.writeNumberField("id", n.id());
        if (n.parent() < 0) {
            g.writeNullField("parent");
        } else {
            g.writeNumberField("parent", n.parent());
        }
        g.writeStringField("path", path);
        g.writeStringField("kind", rc.kind().upstreamName());
        g.writeStringField("simpleName", Disassembler.simpleName(m, rc));
        if (rc instanceof BytecodeFunction f) {
            bytecode(m, f);
        } else {
            byte[] code = ((NativeCode) rc).machineCode();
            g.writeNumberField("size", code.length);
            g.writeStringField("machineCode", Hex.colons(code));
            if (rc instanceof NativePyFunction p) {
                NativePyFunction.EmbeddedPrelude pre = p.prelude();
                g.writeNumberField("preludeOffset", p.preludeOffset());
                prelude(pre.signature());
                names(m, pre.argNames());
                g.writeStringField("lineInfo", Hex.colons(Arrays.copyOfRange(code, pre.lineInfoStart(),
                        pre.lineInfoEnd())));
            } else if (rc instanceof ViperFunction v) {
                g.writeNumberField("scopeFlags", v.scopeFlags());
                if (v.rodata() == null) {
                    g.writeNullField("rodata");
                } else {
                    g.writeStringField("rodata", Hex.colons(v.rodata()));
                }
                g.writeNumberField("bssSize", v.bssSize());
                g.writeArrayFieldStart("relocations");
                for (Relocation r : v.relocations()) {
                    g.writeStartObject();
                    g.writeNumberField("op", r.op());
                    optional("addr", r.addr());
                    optional("count", r.count());
                    g.writeEndObject();
                }
                g.writeEndArray();
            } else if (rc instanceof AsmFunction a) {
                g.writeNumberField("scopeFlags", a.scopeFlags());
                g.writeNumberField("nPosArgs", a.nPosArgs());
                g.writeNumberField("typeSig", a.typeSig());
            }
        }
        g.writeArrayFieldStart("children");
        for (int id : children) {
            g.writeNumber(id);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void optional(String field, long value) throws IOException {
        if (value < 0) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, value);
        }
    }

    private void prelude(Prelude p) throws IOException {
        g.writeObjectFieldStart("prelude");
        g.writeNumberField("nState", p.nState());
        g.writeNumberField("nExcStack", p.nExcStack());
        g.writeNumberField("scopeFlags", p.scopeFlags());
        g.writeNumberField("nPosArgs", p.nPosArgs());
        g.writeNumberField("nKwonlyArgs", p.nKwonlyArgs());
        g.writeNumberField("nDefPosArgs", p.nDefPosArgs());
        g.writeEndObject();
    }

    private void names(CompiledModule m, List<Integer> args) throws IOException {
        g.writeArrayFieldStart("args");
        for (int q : args) {
            g.writeString(Utf8Text.plain(m.qstrs().get(q)));
        }
        g.writeEndArray();
    }

    private void bytecode(CompiledModule m, BytecodeFunction f) throws IOException {
        byte[] funData = f.funData();
        g.writeNumberField("size", funData.length);
        g.writeStringField("rawBytecode", Hex.colons(funData));
        prelude(f.prelude());
        names(m, f.argNames());
        g.writeStringField("lineInfo", Hex.colons(f.lineInfoAndCells()));
        g.writeArrayFieldStart("cells");
        for (int c : f.cells()) {
            g.writeNumber(c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("instructions");
        for (Instruction i : f.instructions()) {
            g.writeStartObject();
            g.writeNumberField("offset", i.offset());
            g.writeStringField("hex", Hex.colons(i.bytes()));
            g.writeStringField("opcode", i.opcode().isMulti() ? Disassembler.opcodeName(i).split(" ")[0] : i.opcode().name());
            g.writeStringField("text", Disassembler.opcodeName(i));
            if (i.opcode().format() == OperandFormat.BYTE && !i.opcode().isMulti()) {
                g.writeNullField("arg");
            } else {
                g.writeNumberField("arg", i.arg());
            }
            g.writeStringField("argText", Disassembler.argText(m.qstrs(), m.constants(), i));
            if (i.extraByte() >= 0) {
                g.writeNumberField("extraByte", i.extraByte());
            }
            if (i.opcode().format() == OperandFormat.OFFSET) {
                g.writeNumberField("target", i.target());
            }
            g.writeNumberField("line", f.lineAt(i.offset()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
