package freezer.image.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapJsonTest {

    static MemoryMap sample() {
        MapItem code = new MapItem("fun_data_m__lt_module_gt_", ItemKind.BYTECODE, ".rodata.fun_data_m__lt_module_gt_",
                15, null, null);
        MapItem text = new MapItem(null, ItemKind.STRING, ".rodata.str1.1", 6, null, "hello");
        MapFunction f = new MapFunction("m__lt_module_gt_", "<module>", "bytecode", 15, List.of(code));
        MapUnit unit = new MapUnit("m.py", UnitKind.COMPILED, "m.py", "", 21, List.of(text), List.of(f),
                new MapUnitQstrs(List.of("hello"), 10, List.of(), List.of("print")));
        MapItem pool = new MapItem("mp_qstr_frozen_const_pool", ItemKind.QSTR_POOL, ".data.rel.ro.mp_qstr_frozen_const_pool",
                56, null, null);
        return new MemoryMap(MemoryMap.SCHEMA_VERSION, MapKind.FROZEN_C, "freezer test",
                new MapTarget("unix-x64", 8, 8, "A", false), 77,
                List.of(new MapSection(".rodata.str1.1", 6)), List.of(unit), List.of(pool),
                List.of(new MapTotal("", 21, 1)),
                new MapQstrs(1, 10, 711, List.of(new MapQstr("hello", "hello", 5, 10, "m.py"))));
    }

    @Test
    void roundTripsWithSnakeCaseNamesAndNoNulls() throws IOException {
        MemoryMap map = sample();
        byte[] json = MapJson.write(map);
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\n  \"schema_version\" : 1,\n  \"kind\" : \"frozen-c\"");
        assertThat(text).contains("\"simple_name\" : \"<module>\"", "\"package_name\" : \"\"", "\"added_bytes\" : 10",
                "\"kind\" : \"bytecode\"", "\"firmware_count\" : 711");
        assertThat(text).doesNotContain("null", "\"offset\"").endsWith("}\n");
        assertThat(MapJson.read(json)).isEqualTo(map);
    }

    @Test
    void refusesALaterSchemaAndIgnoresUnknownFields() throws IOException {
        String later = "{\"schema_version\": 2, \"kind\": \"romfs\"}";
        assertThatThrownBy(() -> MapJson.read(later.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("schema_version 2");
        assertThatThrownBy(() -> MapJson.read("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("not a memory map");
        String extra = "{\"schema_version\": 1, \"kind\": \"romfs\", \"total\": 3, \"sections\": [], \"units\": [],"
                + " \"shared\": [], \"packages\": [], \"colour\": \"blue\"}";
        MemoryMap m = MapJson.read(extra.getBytes(StandardCharsets.UTF_8));
        assertThat(m.kind()).isEqualTo(MapKind.ROMFS);
        assertThat(m.total()).isEqualTo(3);
        assertThat(m.qstrs()).isNull();
    }
}
