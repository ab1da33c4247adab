package freezer.image.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import freezer.testkit.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON manifest form: what freezer manifest --json writes reads back to the same list; bad documents are named errors. */
class JsonManifestTest {
    private static Path dir;

    @BeforeAll
    static void tree() throws IOException {
        dir = Shared.targetDir("json-manifest");
        Files.createDirectories(dir.resolve("src/pkg"));
        Files.writeString(dir.resolve("src/app.py"), "a = 1\n");
        Files.writeString(dir.resolve("src/pkg/__init__.py"), "");
        Files.writeString(dir.resolve("src/boot.mpy"), "stand-in\n");
        Files.writeString(dir.resolve("src/script.py"), "s = 1\n");
    }

    private static Manifest read(String json) throws IOException {
        Path file = dir.resolve("m.json");
        Files.writeString(file, json);
        return new ManifestEvaluator(PathVariables.of(Map.of("SRC", dir.resolve("src").toString())), dir)
                .evaluate(List.of(ManifestInput.of(file.toString())));
    }

    @Test
    void everyFieldIsRead() throws IOException {
        Manifest m = read("""
                {"format": "freezer-manifest", "schemaVersion": 1, "maxRom": 65536,
                 "modules": [
                   {"source": "src/app.py", "opt": 3, "version": "1.2", "maxRom": 4096},
                   {"source": "$(SRC)/pkg/__init__.py", "target": "pkg/__init__.py"},
                   {"source": "src/boot.mpy"},
                   {"source": "src/script.py", "kind": "str", "target": "scripts/script.py"}
                 ]}
                """);
        assertThat(m.maxRom()).isEqualTo(OptionalLong.of(65536));
        assertThat(m.entries()).containsExactly(
                new ManifestEntry(FreezeKind.COMPILE, dir.resolve("src/app.py"), "app.py", 3, "1.2",
                        new ManifestOrigin(dir.resolve("m.json"), 3, 4), OptionalLong.of(4096)),
                new ManifestEntry(FreezeKind.COMPILE, dir.resolve("src/pkg/__init__.py"), "pkg/__init__.py", 0, null,
                        new ManifestOrigin(dir.resolve("m.json"), 4, 4)),
                new ManifestEntry(FreezeKind.MPY, dir.resolve("src/boot.mpy"), "boot.mpy", 0, null,
                        new ManifestOrigin(dir.resolve("m.json"), 5, 4)),
                new ManifestEntry(FreezeKind.STR, dir.resolve("src/script.py"), "scripts/script.py", 0, null,
                        new ManifestOrigin(dir.resolve("m.json"), 6, 4)));
    }

    @Test
    void whatManifestJsonWritesReadsBackToTheSameFiles() throws IOException {
        Path project = GoldenFreezeProjects.projects().stream().filter(p -> p.getFileName().toString().equals("sensor_node"))
                .findFirst().orElseThrow();
        Manifest evaluated = GoldenFreezeProjects.evaluate(project);
        String json = JsonManifest.write(evaluated);
        assertThat(json).startsWith("{\n  \"format\" : \"freezer-manifest\",\n  \"schemaVersion\" : 1,\n").endsWith("}\n");
        Manifest back = read(json);
        assertThat(back.entries()).hasSameSizeAs(evaluated.entries());
        for (int i = 0; i < back.entries().size(); i++) {
            ManifestEntry a = evaluated.entries().get(i);
            ManifestEntry b = back.entries().get(i);
            assertThat(List.of(b.kind(), b.source(), b.target(), b.opt(), String.valueOf(b.version())))
                    .isEqualTo(List.of(a.kind(), a.source(), a.target(), a.opt(), String.valueOf(a.version())));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `[]`                                                                                 | a JSON manifest is an object
            `{"format": "other", "schemaVersion": 1, "modules": []}`                             | "format" must be
            `{"format": "freezer-manifest", "schemaVersion": 2, "modules": []}`                  | schemaVersion 2 is not supported
            `{"format": "freezer-manifest", "schemaVersion": 1}`                                 | needs "modules"
            `{"format": "freezer-manifest", "schemaVersion": 1, "modules": [], "extra": 1}`      | unknown key 'extra'
            `{"format": "freezer-manifest", "schemaVersion": 1, "modules": {}}`                  | "modules" must be a list
            `{"format": "freezer-manifest", "schemaVersion": 1, "modules": [{"target": "a.py"}]}` | a module needs "source"
            `{"format": "freezer-manifest", "schemaVersion": 1, "modules": [{"source": "src/gone.py"}]}` | Cannot stat
            `{"format": "freezer-manifest", "schemaVersion": 1, "modules": [{"source": "src/app.py", "opt": 4}]}` | "opt" must be 0, 1, 2 or 3
            `{"format": "freezer-manifest", "schemaVersion": 1, "modules": [{"source": "src/app.py", "kind": "text"}]}` | "kind" must be
            `{"format": "freezer-manifest", "schemaVersion": 1, "modules": [{"source": "src/app.py", "target": "app"}]}` | must end in .py
            `{"format": "freezer-manifest", "schemaVersion": 1, "modules": [{"source": "src/app.py", "maxRom": -1}]}` | a number of bytes
            `{"format": "freezer-manifest", "schemaVersion": 1, "modules": [{"source": "src/app.py", "sorce": 1}]}` | unknown module key 'sorce'
            `{"format": "freezer-manifest", "schemaVersion": 1, "modules": [{"source": "$(NOPE)/a.py"}]}` | $(NOPE)
            `{"format": "freezer-manifest", "format": "freezer-manifest"}`                       | not valid JSON
            `{"format": "freezer-manifest",`                                                     | not valid JSON
            """)
    void badDocumentsAreNamedErrors(String json, String words) {
        ManifestError e = catchThrowableOfType(ManifestError.class, () -> read(json));
        assertThat(e).as(json).isNotNull();
        assertThat(e.message()).contains(words);
        assertThat(e.origin().manifest()).isEqualTo(dir.resolve("m.json"));
        assertThat(e.origin().line()).isPositive();
    }
}
