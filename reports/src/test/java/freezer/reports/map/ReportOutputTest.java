package freezer.reports.map;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.image.layout.Target;
import freezer.image.map.MemoryMap;
import freezer.reports.ExpectedFiles;
import freezer.testkit.Shared;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text format of {@code freezer report}, byte for byte as the files under
 * src/test/resources/report/expected, for golden projects frozen for both targets; and the
 * sums every format must keep.
 */
class ReportOutputTest {
    static final List<String> PROJECTS = List.of("sensor_node", "constants", "fleet");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String p : PROJECTS) {
            for (Target t : Target.presets().values()) {
                out.add(Arguments.of(p, t));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void everyFormatIsAsExpected(String project, Target target) throws Exception {
        Path dir = Shared.targetDir("report-maps/" + project + "." + target.name());
        MemoryMap map = GoldenMaps.freeze(project, target, dir.resolve("map.json"));
        SizeReport r = SizeReport.of(map);
        assertThat(r.image().size()).isEqualTo(map.total());
        long units = r.units().stream().mapToLong(SizeNode::size).sum();
        assertThat(units + r.shared().size()).isEqualTo(map.total());
        for (SizeNode unit : r.units()) {
            assertThat(r.columns().stream().mapToLong(unit::bytes).sum()).as(unit.name() + ": its columns add up")
                    .isEqualTo(unit.size());
        }

        Path expected = ExpectedFiles.resources().resolve("report/expected");
        String base = project + "." + target.name();
        ReportOptions byName = new ReportOptions(3, ReportOptions.Sort.NAME, 0);
        ExpectedFiles.check(expected.resolve(base + ".table.txt"), TableReport.render(r, ReportOptions.DEFAULT));
        ExpectedFiles.check(expected.resolve(base + ".tree.txt"), TreeReport.render(r, ReportOptions.DEFAULT));
        ExpectedFiles.check(expected.resolve(base + ".csv"), CsvReport.render(r, byName));
        ExpectedFiles.check(expected.resolve(base + ".md"), MarkdownReport.render(r, new ReportOptions(3,
                ReportOptions.Sort.SIZE, 32768)));
        ExpectedFiles.check(expected.resolve(base + ".json"), JsonReport.render(r, new ReportOptions(2,
                ReportOptions.Sort.SIZE, 0)));
    }
}
