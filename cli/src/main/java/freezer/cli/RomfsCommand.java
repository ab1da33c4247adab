package freezer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code freezer romfs build|ls|extract}: ROMFS images, built as {@code mpremote romfs build}
 * builds them and read back offline (docs/romfs.md).
 */
@Command(name = "romfs",
        description = {"Build ROMFS images as mpremote romfs build does (byte for byte), list them and extract them;"
            + " see docs/romfs.md."},
        subcommands = {RomfsBuildCommand.class, RomfsLsCommand.class, RomfsExtractCommand.class})
public final class RomfsCommand implements Runnable {
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    final StdStreams io;

    public RomfsCommand(StdStreams io) {
        this.io = io;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: build, ls or extract");
    }
}
