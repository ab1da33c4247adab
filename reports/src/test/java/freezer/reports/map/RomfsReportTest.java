package freezer.reports.map;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.image.map.MapJson;
import freezer.image.map.MemoryMap;
import freezer.image.romfs.RomfsContents;
import freezer.image.romfs.RomfsMap;
import freezer.image.romfs.RomfsReader;
import freezer.reports.ExpectedFiles;
import freezer.testkit.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reports of a ROMFS map, for every golden ROMFS image (with and without .mpy files): the
 * text formats as the files under src/test/resources/report/expected/romfs, and every row's
 * columns summing to its total, so no byte of a .mpy file goes unshown.
 */
class RomfsReportTest {

    static List<Path> images() throws IOException {
        try (Stream<Path> s = Files.walk(Shared.golden("romfs"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".img")
                    && p.getParent().getFileName().toString().equals("expected")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void everyFormatIsAsExpectedAndEveryRowAddsUp(Path image) throws Exception {
        byte[] bytes = Files.readAllBytes(image);
        RomfsContents contents = RomfsReader.read(bytes);
        MemoryMap map = MapJson.read(MapJson.write(RomfsMap.build(bytes, contents, Map.of(), "freezer test")));
        SizeReport r = SizeReport.of(map);
        assertThat(map.total()).isEqualTo(contents.size());
        assertThat(r.image().size()).isEqualTo(map.total());
        for (SizeNode unit : r.units()) {
            long columns = r.columns().stream().mapToLong(unit::bytes).sum();
            assertThat(columns).as(unit.name() + ": its columns add up to its total").isEqualTo(unit.size());
        }
        long units = r.units().stream().mapToLong(SizeNode::size).sum();
        assertThat(units + r.shared().size()).isEqualTo(map.total());

        Path expected = ExpectedFiles.resources().resolve("report/expected/romfs");
        String base = image.getFileName().toString().replaceAll("\\.img$", "");
        ExpectedFiles.check(expected.resolve(base + ".table.txt"), TableReport.render(r, ReportOptions.DEFAULT));
        ExpectedFiles.check(expected.resolve(base + ".tree.txt"), TreeReport.render(r, ReportOptions.DEFAULT));
        ExpectedFiles.check(expected.resolve(base + ".csv"), CsvReport.render(r,
                new ReportOptions(3, ReportOptions.Sort.NAME, 0)));
    }
}
