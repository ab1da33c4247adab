package freezer.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes what the distribution ships beside the jar, made from the command model every run uses
 * ({@link Main#commandLine}), so it lists exactly the registered commands and their options:
 * {@code man/man1/freezer.1} and {@code freezer-CMD.1} for each command, and
 * {@code completion/freezer}, picocli's completion script (bash, and zsh through bashcompinit).
 * The build runs it before packing the archive (cli/pom.xml).
 */
public final class DistributionFiles {
    static final String COMPLETION = "completion/freezer";
    static final String MAN_FOLDER = "man/man1";

    private DistributionFiles() {
    }

    /** {@code DistributionFiles OUTDIR}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DistributionFiles OUTDIR");
        }
        write(Path.of(args[0]));
    }

    static void write(Path dir) throws IOException {
        CommandLine top = model();
        Path man = Files.createDirectories(dir.resolve(MAN_FOLDER));
        Files.writeString(man.resolve(ManPage.fileName(top.getCommandSpec())), ManPage.of(top.getCommandSpec()),
                StandardCharsets.UTF_8);
        for (CommandLine c : top.getSubcommands().values()) {
            if (!c.getCommandSpec().helpCommand()) {
                Files.writeString(man.resolve(ManPage.fileName(c.getCommandSpec())), ManPage.of(c.getCommandSpec()),
                        StandardCharsets.UTF_8);
            }
        }
        Path completion = dir.resolve(COMPLETION);
        Files.createDirectories(completion.getParent());
        Files.writeString(completion, AutoComplete.bash("freezer", top), StandardCharsets.UTF_8);
    }

    /** The command model with streams that go nowhere (nothing runs). */
    static CommandLine model() {
        PrintStream nowhere = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Main.commandLine(new StdStreams(new ByteArrayInputStream(new byte[0]), nowhere, nowhere),
                ModuleCompiler.MPY_CROSS);
    }
}
