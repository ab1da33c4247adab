package freezer.core.mpy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import freezer.core.ByteStrings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The JSON holds the same content as the text: rendering it back as mpy-tool.py's text gives
 * the golden .dis.
 */
class DisassemblyJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    List<DynamicTest> jsonRendersBackToTheGoldenText() {
        List<Path> dis = new ArrayList<>(Golden.files("compile/ok", ".dis"));
        dis.addAll(Golden.files("native", ".dis"));
        return dis.stream().map(p -> DynamicTest.dynamicTest(Golden.name(p), () -> {
            String name = p.getFileName().toString().replaceAll("\\.dis$", ".mpy");
            CompiledModule m = MpyReader.read(Golden.read(p.resolveSibling(name)));
            JsonNode doc = JSON.readTree(DisassemblyJson.write(List.of(new DisassemblyJson.Input(name, m))));
            assertThat(doc.get("format").asText()).isEqualTo("freezer-dis");
            assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
            String expected = new String(Golden.read(p), StandardCharsets.UTF_8);
            String actual = render(doc.get("files").get(0));
            assertThat(actual).as(() -> Golden.firstDifference(expected, actual)).isEqualTo(expected);
        })).toList();
    }

    private static String repr(String text) {
        return PythonRepr.str(ByteStrings.fromText(text));
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** mpy-tool.py's text, from the JSON alone. */
    static String render(JsonNode f) {
        StringBuilder b = new StringBuilder();
        b.append("mpy_source_file: ").append(f.get("mpySourceFile").asText()).append('\n');
        b.append("source_file: ").append(f.get("sourceFile").asText()).append('\n');
        b.append("header: ").append(f.get("header").asText()).append('\n');
        b.append("arch: ").append(f.get("arch").asText()).append('\n');
        if (!f.get("archFlags").isNull()) {
            b.append("arch_flags: 0x").append(Long.toHexString(f.get("archFlags").asLong())).append('\n');
        }
        List<String> qstrs = list(f.get("qstrs"));
        b.append("qstr_table[").append(qstrs.size()).append("]:\n");
        qstrs.forEach(q -> b.append("    ").append(q).append('\n'));
        List<String> objs = new ArrayList<>();
        f.get("constants").forEach(c -> objs.add(c.get("repr").asText()));
        b.append("obj_table: [").append(String.join(", ", objs)).append("]\n");
        JsonNode functions = f.get("functions");
        boolean[] hidden = new boolean[functions.size()];
        for (JsonNode fn : functions) {
            int id = fn.get("id").asInt();
            if (hidden[id]) {
                continue;
            }
            String kind = fn.get("kind").asText();
            b.append("simple_name: ").append(fn.get("simpleName").asText()).append('\n');
            List<String> args = new ArrayList<>();
            if (fn.has("args")) {
                list(fn.get("args")).forEach(a -> args.add(repr(a)));
            }
            if (kind.equals("MP_CODE_BYTECODE")) {
                b.append("  raw bytecode: ").append(fn.get("size").asInt()).append(' ').append(fn.get("rawBytecode").asText()).append('\n');
                b.append("  prelude: ").append(prelude(fn.get("prelude"))).append('\n');
                b.append("  args: [").append(String.join(", ", args)).append("]\n");
                b.append("  line info: ").append(fn.get("lineInfo").asText()).append('\n');
                for (JsonNode i : fn.get("instructions")) {
                    StringBuilder hex = new StringBuilder(i.get("hex").asText());
                    while (hex.length() < 11) {
                        hex.append(' ');
                    }
                    b.append("  ").append(hex).append(' ').append(i.get("text").asText()).append(' ')
                            .append(i.get("argText").asText()).append('\n');
                }
            } else {
                String code = fn.get("machineCode").asText();
                int size = fn.get("size").asInt();
                b.append("  raw data: ").append(size).append(' ').append(code, 0, Math.min(code.length(), 32 * 3 - 1))
                        .append(' ').append(size > 32 ? "..." : "").append('\n');
                if (!kind.equals("MP_CODE_NATIVE_PY")) {
                    markHidden(functions, id, hidden);
                    continue;
                }
                b.append("  prelude: ").append(prelude(fn.get("prelude"))).append('\n');
                b.append("  args: [").append(String.join(", ", args)).append("]\n");
                String li = fn.get("lineInfo").asText().replace(":", "");
                b.append("  line info: ").append(PythonRepr.bytes(ByteStrings.of(HexFormat.of().parseHex(li)))).append('\n');
                int pre = fn.get("preludeOffset").asInt();
                for (int ip = 0; ip < pre; ip += 16) {
                    b.append("  ").append(code, ip * 3, Math.min(ip + 16, pre) * 3 - 1).append('\n');
                }
            }
            List<String> names = new ArrayList<>();
            fn.get("children").forEach(c -> names.add(functions.get(c.asInt()).get("simpleName").asText()));
            b.append("  children: [").append(String.join(", ", names)).append("]\n");
        }
        return b.toString();
    }

    private static void markHidden(JsonNode functions, int id, boolean[] hidden) {
        for (JsonNode c : functions.get(id).get("children")) {
            hidden[c.asInt()] = true;
            markHidden(functions, c.asInt(), hidden);
        }
    }

    private static String prelude(JsonNode p) {
        return "(" + p.get("nState") + ", " + p.get("nExcStack") + ", " + p.get("scopeFlags") + ", " + p.get("nPosArgs")
                + ", " + p.get("nKwonlyArgs") + ", " + p.get("nDefPosArgs") + ")";
    }
}
