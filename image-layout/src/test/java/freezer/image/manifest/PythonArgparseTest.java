package freezer.image.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link PythonArgparse} against CPython 3.11.7's argparse itself: each resource line holds a
 * command line and what argparse made of it (values, help, or its error message), recorded by
 * running argparse with makemanifest.py's option table (plus freezer's options) and with
 * mpy-tool.py's. Every case must come out the same.
 */
class PythonArgparseTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> makemanifestTable() throws IOException {
        return cases("makemanifest-argparse.jsonl", MakeManifestArgs.PARSER, true);
    }

    @TestFactory
    Stream<DynamicTest> mpyToolTable() throws IOException {
        return cases("mpy-tool-argparse.jsonl", MpyToolFlags.PARSER, false);
    }

    private static Stream<DynamicTest> cases(String resource, PythonArgparse parser, boolean makemanifest)
            throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                PythonArgparseTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                JsonNode c = JSON.readTree(line);
                List<String> args = new ArrayList<>();
                c.get("args").forEach(a -> args.add(a.textValue()));
                JsonNode expected = c.get("argparse");
                tests.add(DynamicTest.dynamicTest(++n + ": " + args, () -> assertThat(
                        result(parser, args, makemanifest)).as("%s", args).isEqualTo(expected)));
            }
        }
        assertThat(tests).hasSizeGreaterThan(300);
        return tests.stream();
    }

    /** What {@code parser} makes of {@code args}, in the oracle's JSON shape. */
    private static JsonNode result(PythonArgparse parser, List<String> args, boolean makemanifest) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        PythonArgparse.Parsed p;
        try {
            p = parser.parse(args);
        } catch (PythonArgparse.UsageException e) {
            return o.put("error", e.getMessage());
        }
        if (p.help()) {
            return o.put("help", true);
        }
        if (!makemanifest) {
            for (PythonArgparse.Option opt : parser.options()) {
                if (p.isSet(opt.dest())) {
                    if (opt.action() == PythonArgparse.Action.STORE_TRUE) {
                        o.put(opt.dest(), true);
                    } else {
                        o.put(opt.dest(), p.last(opt.dest()));
                    }
                }
            }
            return o;
        }
        o.put("output", p.last("output"));
        o.put("build_dir", p.last("build_dir"));
        o.put("mpy_cross_flags", p.isSet("mpy_cross_flags") ? p.last("mpy_cross_flags") : "");
        p.all("var").forEach(o.putArray("var")::add);
        o.put("mpy_tool_flags", p.isSet("mpy_tool_flags") ? p.last("mpy_tool_flags") : "");
        o.put("qstr_header", p.last("qstr_header"));
        o.put("target", p.last("target"));
        o.put("map", p.last("map"));
        o.put("max_rom", p.last("max_rom"));
        o.put("strict", p.isSet("strict"));
        p.positionals().forEach(o.putArray("files")::add);
        return o;
    }
}
