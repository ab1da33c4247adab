package freezer.image.romfs;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.core.CompileOptions;
import freezer.core.batch.BatchCompiler;
import freezer.image.map.ItemKind;
import freezer.image.map.MapItem;
import freezer.image.map.MapJson;
import freezer.image.map.MapKind;
import freezer.image.map.MapTotal;
import freezer.image.map.MapUnit;
import freezer.image.map.MemoryMap;
import freezer.image.map.UnitKind;
import freezer.testkit.GoldenRomfs;
import freezer.testkit.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The memory map of every golden image: units, shared items and packages add up to the image's
 * size exactly, and the items with offsets tile the image with no gap and no overlap.
 */
class RomfsMapTest {

    static List<Path> images() {
        return RomfsReaderTest.goldenImages();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void totalsAreTheImageSizeAndItemsTileTheImage(Path p) throws Exception {
        byte[] image = Files.readAllBytes(p);
        MemoryMap map = RomfsMap.build(image, RomfsReader.read(image), Map.of(), "freezer test");
        assertThat(map.kind()).isEqualTo(MapKind.ROMFS);
        assertThat(map.total()).isEqualTo(image.length);
        assertThat(map.sections()).singleElement().satisfies(s -> assertThat(s.size()).isEqualTo(image.length));
        long units = 0;
        List<MapItem> all = new ArrayList<>(map.shared());
        for (MapUnit u : map.units()) {
            assertThat(u.items().stream().mapToLong(MapItem::size).sum()).as(u.path()).isEqualTo(u.size());
            units += u.size();
            all.addAll(u.items());
        }
        long shared = map.shared().stream().mapToLong(MapItem::size).sum();
        assertThat(units + shared).isEqualTo(image.length);
        assertThat(map.packages().stream().mapToLong(MapTotal::size).sum()).isEqualTo(units);
        all.sort(Comparator.comparingLong(MapItem::offset));
        long at = 0;
        for (MapItem i : all) {
            assertThat(i.offset()).as("item %s", i).isEqualTo(at);
            at += i.size();
        }
        assertThat(at).isEqualTo(image.length);
        assertThat(MapJson.read(MapJson.write(map))).isEqualTo(map);
    }

    @Test
    void compiledModulesSplitIntoHeaderTablesAndBytecode() throws Exception {
        GoldenRomfs.Case app = GoldenRomfs.cases().stream().filter(c -> c.name().equals("app")).findFirst()
                .orElseThrow();
        Path tree = app.copyTree(Shared.targetDir("romfs-map/app"));
        SourceTree source = SourceTree.scan(tree, "tree", true);
        RomfsBuild b = RomfsBuilder.build(source.root(), CompileOptions.DEFAULT, BatchCompiler.allCores());
        byte[] image = RomfsWriter.write(b.root());
        MemoryMap map = RomfsMap.build(image, RomfsReader.read(image), source.sources(), "freezer test");
        MapUnit init = map.units().stream().filter(u -> u.path().equals("app/__init__.mpy")).findFirst().orElseThrow();
        assertThat(init.kind()).isEqualTo(UnitKind.FILE);
        assertThat(init.source()).isEqualTo("tree/app/__init__.py");
        assertThat(init.packageName()).isEqualTo("app");
        assertThat(init.items()).extracting(MapItem::kind).containsExactly(ItemKind.HEADER, ItemKind.HEADER,
                ItemKind.QSTR_TABLE, ItemKind.OBJ_TABLE, ItemKind.BYTECODE);
        MapUnit main = map.units().stream().filter(u -> u.path().equals("main.mpy")).findFirst().orElseThrow();
        assertThat(main.packageName()).isEmpty();
        assertThat(main.items()).extracting(MapItem::kind).containsExactly(ItemKind.HEADER, ItemKind.HEADER,
                ItemKind.QSTR_TABLE, ItemKind.BYTECODE);
        MapUnit json = map.units().stream().filter(u -> u.path().equals("data/config.json")).findFirst().orElseThrow();
        assertThat(json.items()).extracting(MapItem::kind).containsExactly(ItemKind.HEADER, ItemKind.PAYLOAD);
        assertThat(json.packageName()).isEqualTo("data");
        MapUnit dir = map.units().stream().filter(u -> u.path().equals("app/ui")).findFirst().orElseThrow();
        assertThat(dir.kind()).isEqualTo(UnitKind.DIR);
        assertThat(dir.source()).isNull();
        assertThat(map.shared()).extracting(MapItem::kind).containsExactly(ItemKind.HEADER, ItemKind.PADDING,
                ItemKind.HEADER);
        assertThat(map.packages()).extracting(MapTotal::name).containsExactly("", "app", "data", "lib");
    }
}
