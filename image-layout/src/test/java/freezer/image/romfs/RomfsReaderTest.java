package freezer.image.romfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freezer.testkit.GoldenRomfs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading images: every golden image, its accounting, and hand-made images of every record kind. */
class RomfsReaderTest {

    static List<Path> goldenImages() {
        List<Path> out = new ArrayList<>();
        for (GoldenRomfs.Case c : GoldenRomfs.cases()) {
            out.add(c.image());
            out.add(c.imageWithoutMpy());
        }
        for (GoldenRomfs.Case c : GoldenRomfs.badCases()) {
            if (c.imageWithoutMpy() != null) {
                out.add(c.imageWithoutMpy());
            }
        }
        return out;
    }

    /** The tree an image holds, as nodes again (names are ASCII in every golden image). */
    static List<RomfsNode> nodes(byte[] image, RomfsContents contents) {
        return nodes(image, contents.entries(), new int[] {0}, 0);
    }

    private static List<RomfsNode> nodes(byte[] image, List<RomfsEntry> entries, int[] next, int depth) {
        List<RomfsNode> out = new ArrayList<>();
        while (next[0] < entries.size() && entries.get(next[0]).depth() == depth) {
            RomfsEntry e = entries.get(next[0]++);
            String name = new String(e.name(), StandardCharsets.US_ASCII);
            if (e.isDirectory()) {
                out.add(new RomfsNode.Directory(name, nodes(image, entries, next, depth + 1)));
            } else {
                out.add(new RomfsNode.File(name, Arrays.copyOfRange(image, (int) e.dataOffset(),
                        (int) (e.dataOffset() + e.dataSize()))));
            }
        }
        return out;
    }

    /** Header, every file's record, every directory's own bytes and other records: the image's size exactly. */
    static long accountedBytes(RomfsContents c) {
        long total = c.headerSize() + c.otherSize();
        for (RomfsEntry e : c.entries()) {
            total += e.isDirectory() ? e.headerSize() + e.otherSize() : e.recordSize();
            if (!e.isDirectory()) {
                long data = e.dataPointer() ? 0 : e.dataSize();
                assertThat(e.headerSize() + data + e.otherSize()).as(e.path()).isEqualTo(e.recordSize());
            }
        }
        return total;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenImages")
    void goldenImageReadsAndWritesBackExactly(Path p) throws Exception {
        byte[] image = Files.readAllBytes(p);
        RomfsContents c = RomfsReader.read(image);
        assertThat(c.size()).isEqualTo(image.length);
        assertThat(c.trailingSize()).isZero();
        assertThat(accountedBytes(c)).isEqualTo(image.length);
        assertThat(RomfsWriter.write(nodes(image, c))).isEqualTo(image);
    }

    @Test
    void appImageEntries() throws Exception {
        byte[] image = Files.readAllBytes(GoldenRomfs.root().resolve("app/expected/app.img"));
        RomfsContents c = RomfsReader.read(image);
        assertThat(c.entries()).extracting(RomfsEntry::path).containsExactly("CHANGES", "README.TXT", "app",
                "app/__init__.mpy", "app/net", "app/net/client.mpy", "app/ui", "app/ui/__init__.mpy",
                "app/ui/widgets.mpy", "boot.mpy", "data", "data/config.json", "data/empty.dat",
                "data/messages.txt", "lib", "lib/helpers.mpy", "main.mpy");
        assertThat(c.headerPadding()).isEqualTo(1);
        RomfsEntry empty = c.entries().get(12);
        assertThat(empty.dataSize()).isZero();
        assertThat(empty.depth()).isEqualTo(1);
    }

    @Test
    void paddedVarintsPaddingRecordsUnknownKindsAndDataPointers() throws Exception {
        // root: a padding record, a file "a" whose data is 2 bytes at body offset 0 via a pointer
        // and a record of kind 9, a directory "d" with one file "b" (padded name length)
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {1, 2, 'h', 'i'});
        body.writeBytes(new byte[] {5, 8, 1, 'a', 9, 0, 3, 2, 2, 0});
        body.writeBytes(new byte[] {4, 9, 1, 'd', 5, 5, (byte) 0x80, 1, 'b', 2, 0});
        byte[] b = body.toByteArray();
        ByteArrayOutputStream img = new ByteArrayOutputStream();
        img.writeBytes(new byte[] {(byte) 0xd2, (byte) 0xcd, 0x31, (byte) 0x80, (byte) 0x80, (byte) b.length});
        img.writeBytes(b);
        img.writeBytes(new byte[] {(byte) 0xff, (byte) 0xff});
        byte[] image = img.toByteArray();
        RomfsContents c = RomfsReader.read(image);
        assertThat(c.headerPadding()).isEqualTo(2);
        assertThat(c.otherSize()).isEqualTo(4);
        assertThat(c.trailingSize()).isEqualTo(2);
        assertThat(c.entries()).extracting(RomfsEntry::path).containsExactly("a", "d", "d/b");
        RomfsEntry a = c.entries().get(0);
        assertThat(a.dataPointer()).isTrue();
        assertThat(a.dataOffset()).isEqualTo(c.bodyOffset());
        assertThat(a.dataSize()).isEqualTo(2);
        assertThat(a.otherSize()).isEqualTo(2);
        assertThat(c.entries().get(2).dataSize()).isZero();
        assertThat(accountedBytes(c) + c.trailingSize()).isEqualTo(image.length);
    }

    @Test
    void hostileLengthsAreErrorsAtTheirOffset() {
        // a length of 2^49 in the header
        byte[] huge = {(byte) 0xd2, (byte) 0xcd, 0x31, (byte) 0x81, (byte) 0x80, (byte) 0x80, (byte) 0x80,
            (byte) 0x80, (byte) 0x80, (byte) 0x80, 0};
        assertThatThrownBy(() -> RomfsReader.read(huge)).isInstanceOfSatisfying(RomfsFormatException.class,
                e -> {
                    assertThat(e.offset()).isEqualTo(3);
                    assertThat(e.problem()).contains("truncated");
                });
        // a varint that never ends
        byte[] endless = new byte[64];
        Arrays.fill(endless, (byte) 0x80);
        endless[0] = (byte) 0xd2;
        endless[1] = (byte) 0xcd;
        endless[2] = 0x31;
        assertThatThrownBy(() -> RomfsReader.read(endless)).isInstanceOfSatisfying(RomfsFormatException.class,
                e -> assertThat(e.offset()).isEqualTo(3));
        // a varint too large for any length
        byte[] overflow = new byte[20];
        Arrays.fill(overflow, (byte) 0xff);
        System.arraycopy(new byte[] {(byte) 0xd2, (byte) 0xcd, 0x31}, 0, overflow, 0, 3);
        assertThatThrownBy(() -> RomfsReader.read(overflow)).isInstanceOfSatisfying(RomfsFormatException.class,
                e -> assertThat(e.problem()).contains("too large"));
        // a file whose name is longer than its record
        byte[] name = {(byte) 0xd2, (byte) 0xcd, 0x31, 4, 5, 2, 0x7f, 'x'};
        assertThatThrownBy(() -> RomfsReader.read(name)).isInstanceOfSatisfying(RomfsFormatException.class,
                e -> assertThat(e.offset()).isEqualTo(4));
    }

    @Test
    void corruptStructuresAreNamed() {
        assertThatThrownBy(() -> RomfsReader.read(new byte[] {1, 2, 3, 4})).hasMessageContaining("not a ROMFS image");
        assertThatThrownBy(() -> RomfsReader.read(new byte[] {(byte) 0xd2, (byte) 0xcd, 0x31}))
                .hasMessageContaining("truncated");
        // kind 0
        assertThatThrownBy(() -> RomfsReader.read(new byte[] {(byte) 0xd2, (byte) 0xcd, 0x31, 3, 0, 1, 0}))
                .isInstanceOfSatisfying(RomfsFormatException.class, e -> {
                    assertThat(e.offset()).isEqualTo(4);
                    assertThat(e.problem()).contains("kind 0");
                });
        // a file without data
        assertThatThrownBy(() -> RomfsReader.read(new byte[] {(byte) 0xd2, (byte) 0xcd, 0x31, 4, 5, 2, 1, 'f'}))
                .hasMessageContaining("no data record");
        // a data pointer outside the body
        assertThatThrownBy(() -> RomfsReader.read(new byte[] {(byte) 0xd2, (byte) 0xcd, 0x31, 7, 5, 5, 0, 3, 2, 1, 9,
            0})).hasMessageContaining("outside the image");
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() {
        int depth = RomfsReader.MAX_DEPTH + 5;
        RomfsNode n = new RomfsNode.File("f", new byte[0]);
        for (int i = 0; i < depth; i++) {
            n = new RomfsNode.Directory("d", List.of(n));
        }
        byte[] image = RomfsWriter.write(List.of(n));
        assertThatThrownBy(() -> RomfsReader.read(image)).hasMessageContaining("nest deeper");
    }

    @Test
    void namesShowAsTextWithEscapes() {
        assertThat(RomfsNames.display("café".getBytes(StandardCharsets.UTF_8))).isEqualTo("café");
        assertThat(RomfsNames.display(new byte[] {'a', (byte) 0xff, '\n', '\\'})).isEqualTo("a\\xff\\x0a\\x5c");
        assertThat(RomfsNames.display(new byte[] {(byte) 0xc3})).isEqualTo("\\xc3");
    }

    @Test
    void imageSizesAreEvenAndLengthsUseThreeByteVarints() throws IOException {
        assertThat(RomfsWriter.write(List.of())).containsExactly(0xd2, 0xcd, 0x31, 0);
        assertThat(RomfsWriter.write(List.of(new RomfsNode.File("", new byte[0])))).containsExactly(0xd2, 0xcd, 0x31,
                0x80, 5, 5, 3, 0, 2, 0);
        byte[] big = RomfsWriter.write(List.of(new RomfsNode.File("x", new byte[70_000])));
        assertThat(big.length % 2).isZero();
        assertThat(Arrays.copyOfRange(big, 3, 6)).containsExactly(0x84, 0xa2, 0x7a);
    }
}
