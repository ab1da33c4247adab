package freezer.reports.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freezer.image.layout.Target;
import freezer.image.map.MemoryMap;
import freezer.reports.ExpectedFiles;
import freezer.testkit.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --diff} on a golden project and a changed copy of it made under target/ (a module
 * removed, a function grown, one added), in each format, and its thresholds.
 */
class ReportDiffTest {
    private static MemoryMap before;
    private static MemoryMap after;

    @BeforeAll
    static void freezeBothVersions() throws Exception {
        Path work = Shared.targetDir("report-diff");
        before = GoldenMaps.freeze("sensor_node", Target.QEMU_ARMV7M, work.resolve("old.json"));
        Path copy = work.resolve("sensor_node");
        copyTree(Shared.golden("freeze", "sensor_node"), copy);
        Files.delete(copy.resolve("drivers/sensors/light.py"));
        Path app = copy.resolve("app.py");
        String text = Files.readString(app, StandardCharsets.UTF_8);
        text = text.replace("def make_bus():\n", "def make_bus():\n    print('making the bus', 1, 2, 3)\n")
                + "\n\ndef added_later(x):\n    return x * 2 + 1\n";
        Files.writeString(app, text, StandardCharsets.UTF_8);
        after = GoldenMaps.freeze(copy, Target.QEMU_ARMV7M, work.resolve("new.json"));
    }

    @Test
    void saysWhatGrewShrankAppearedAndDisappeared() {
        MapDiff d = MapDiff.of(before, after);
        assertThat(d.oldTotal()).isEqualTo(before.total());
        assertThat(d.newTotal()).isEqualTo(after.total());
        assertThat(d.units()).filteredOn(c -> c.status() == MapDiff.Status.REMOVED).extracting(MapDiff.Change::unit)
                .containsExactly("drivers/sensors/light.py");
        assertThat(d.units()).filteredOn(c -> c.unit().equals("app.py")).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(MapDiff.Status.GREW));
        assertThat(d.functions()).filteredOn(c -> c.status() == MapDiff.Status.ADDED)
                .extracting(MapDiff.Change::function).contains("added_later");
        assertThat(d.functions()).filteredOn(c -> c.function().equals("make_bus")).singleElement()
                .satisfies(c -> assertThat(c.delta()).isPositive());
        // the module rows account for the whole change
        long sum = d.units().stream().mapToLong(MapDiff.Change::delta).sum();
        assertThat(sum + SizeReport.of(after).shared().size() - SizeReport.of(before).shared().size())
                .isEqualTo(d.delta());
    }

    @Test
    void everyFormatIsAsExpected() {
        MapDiff d = MapDiff.of(before, after);
        Path expected = ExpectedFiles.resources().resolve("report/expected");
        Threshold t = Threshold.parse("1%");
        ExpectedFiles.check(expected.resolve("diff.table.txt"), DiffReport.table(d, t));
        ExpectedFiles.check(expected.resolve("diff.md"), DiffReport.markdown(d, t));
        ExpectedFiles.check(expected.resolve("diff.json"), DiffReport.json(d, t));
    }

    @Test
    void thresholdsInBytesAndPercent() {
        // the changed copy is smaller (a module went), so going back to the original is growth
        MapDiff shrank = MapDiff.of(before, after);
        MapDiff grew = MapDiff.of(after, before);
        assertThat(shrank.delta()).isNegative();
        assertThat(Threshold.parse("0").exceeded(shrank.oldTotal(), shrank.newTotal())).isFalse();
        assertThat(Threshold.parse("0").exceeded(grew.oldTotal(), grew.newTotal())).isTrue();
        assertThat(Threshold.parse(grew.delta() + "").exceeded(grew.oldTotal(), grew.newTotal())).isFalse();
        assertThat(Threshold.parse("100").exceeded(1000, 1100)).isFalse();
        assertThat(Threshold.parse("100").exceeded(1000, 1101)).isTrue();
        assertThat(Threshold.parse("10%").exceeded(1000, 1100)).isFalse();
        assertThat(Threshold.parse("10%").exceeded(1000, 1101)).isTrue();
        assertThat(Threshold.parse("0.5%").exceeded(1000, 1006)).isTrue();
        assertThat(Threshold.parse("0%").exceeded(0, 1)).isTrue();
        assertThatThrownBy(() -> Threshold.parse("ten")).hasMessageContaining("not BYTES or PERCENT%");
        assertThatThrownBy(() -> Threshold.parse("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Threshold.parse("-1%")).isInstanceOf(IllegalArgumentException.class);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }
}
