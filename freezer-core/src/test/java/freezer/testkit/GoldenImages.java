package freezer.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cases of {@code ../shared/golden/image/cases.txt}: one flash image per line, made by
 * uf2conv.py ({@code uf2 FAMILY BASE}) or objcopy ({@code ihex BASE}) from an input.
 */
public final class GoldenImages {
    private GoldenImages() {
    }

    public static Path root() {
        return Shared.golden("image");
    }

    /**
     * One line of cases.txt.
     *
     * @param family the uf2 FAMILY as written (a name or a number), or null for ihex
     * @param base the BASE as written
     */
    public record Case(String output, String input, String kind, String family, String base) {
        public Path expected() {
            return root().resolve("expected").resolve(output);
        }

        public Path inputFile() {
            return root().resolve(input);
        }

        @Override
        public String toString() {
            return output;
        }
    }

    public static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(root().resolve("cases.txt"), StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split("\\s+");
                switch (f[2]) {
                    case "uf2":
                        out.add(new Case(f[0], f[1], f[2], f[3], f[4]));
                        break;
                    case "ihex":
                        out.add(new Case(f[0], f[1], f[2], null, f[3]));
                        break;
                    default:
                        throw new IllegalStateException("cases.txt: unknown kind " + f[2] + " in: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no cases in " + root().resolve("cases.txt"));
        }
        return out;
    }
}
