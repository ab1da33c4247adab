package freezer.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code freezer compile}'s options as help, shell completion and man pages show them. The options
 * are read by {@link freezer.core.MpyCrossFlags} as mpy-cross reads them (picocli never parses
 * them: see {@link Main}), so this table only describes; a test checks that every option in it is
 * one the reader takes, and the other way round.
 */
final class CompileHelp {
    private CompileHelp() {
    }

    /**
     * One option as written on the command line.
     *
     * @param name what is typed, up to the value ({@code -o}, {@code -march=})
     * @param value how the value is shown, with its separator ({@code " FILE"}, {@code "ARCH"}), or
     *     "" for a switch
     * @param freezers whether it is freezer's own (mpy-cross does not have it)
     */
    record Entry(String name, String value, boolean freezers, String description) {
        String synopsis() {
            return name + value;
        }
    }

    static final List<Entry> OPTIONS = List.of(
            new Entry("-o", " FILE", false, "Output file (default: the input with .py replaced by .mpy, or standard"
                    + " output when the input is -); - is standard output."),
            new Entry("-s", " NAME", false, "Source name embedded in the .mpy and named by compiler errors"
                    + " (default: the input path)."),
            new Entry("-O", "[N]", false, "Optimisation level N, or as many as the Os (-OO is 2): 1 drops asserts and"
                    + " makes __debug__ false, 3 also drops line numbers."),
            new Entry("-msmall-int-bits=", "N", false, "Bits of an int stored inline in the bytecode (default 31)."),
            new Entry("-march=", "ARCH", false, "Native target: x86, x64, armv6, armv6m, armv7m, armv7em, armv7emsp,"
                    + " armv7emdp, xtensa, xtensawin, rv32imc, rv64imc (rejected, as upstream), host (x64 on x86-64,"
                    + " x86 on 32-bit x86), debug (not supported for native code)."),
            new Entry("-march-flags=", "FLAGS", false, "Arch flags (rv32imc: a number, or zba, zcmp, zba,zcmp)."),
            new Entry("-X", " emit=EMIT|heapsize=N", false, "emit=: the default emitter, bytecode, native or viper"
                    + " (native and viper need -march; docs/native.md lists the architectures whose machine code"
                    + " freezer writes). heapsize=: accepted for compatibility; freezer has no fixed heap."),
            new Entry("-v", "", false, "Batch mode: list each file written (otherwise accepted for compatibility)."),
            new Entry("--version", "", false, "Print the version line tools read (... mpy-cross emitting mpy v6.3)"
                    + " and exit."),
            new Entry("--", "", false, "Every later argument is a file."),
            new Entry(CompileCommand.ROOT, " DIR", true, "Batch mode: every FILE is a path under DIR (relative to it,"
                    + " or absolute inside it); with no FILE, every *.py under DIR."),
            new Entry(CompileCommand.OUT_DIR, " DIR", true, "Batch mode: write DIR/<path under the root, .py replaced"
                    + " by .mpy>."),
            new Entry(CompileCommand.JOBS, " N", true, "Batch mode: compile on N threads (default: one per core)."),
            new Entry(CompileCommand.ERROR_FORMAT, "=FMT", true, "text (default) or json: one JSON object per error"
                    + " (docs/cli.md)."),
            new Entry("-h, --help", "", true, "Show this help and exit (status 0; mpy-cross exits 1 after its usage)."));

    /** Adds the table to compile's picocli model: for completion and man pages, and the help text. */
    static void describe(CommandSpec spec) {
        // value separators are part of each entry's shown value
        spec.parser().separator("");
        List<String> seen = new ArrayList<>(spec.optionsMap().keySet());
        for (Entry e : OPTIONS) {
            String[] names = e.name().split(", ");
            if (seen.contains(names[0])) {
                continue;
            }
            seen.addAll(List.of(names));
            OptionSpec.Builder b = OptionSpec.builder(names).description(e.description());
            if (e.name().equals("-h, --help")) {
                b.usageHelp(true);
            } else if (e.value().isEmpty()) {
                b.arity("0");
            } else {
                b.arity(e.value().startsWith("[") ? "0..1" : "1").paramLabel(e.value()).hideParamSyntax(true);
            }
            spec.addOption(b.build());
        }
        spec.usageMessage().sectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                help -> optionList(help.colorScheme()));
    }

    /** The option list as the table writes it ({@code -o FILE}, {@code -O[N]}), one row per entry. */
    private static String optionList(CommandLine.Help.ColorScheme colors) {
        CommandLine.Help.TextTable table = CommandLine.Help.TextTable.forColumns(colors,
                new CommandLine.Help.Column(26, 2, CommandLine.Help.Column.Overflow.SPAN),
                new CommandLine.Help.Column(54, 1, CommandLine.Help.Column.Overflow.WRAP));
        String group = null;
        StringBuilder out = new StringBuilder();
        for (Entry e : OPTIONS) {
            String heading = e.freezers() ? "freezer's options:" : "mpy-cross's options (the last repeated one wins):";
            if (!heading.equals(group)) {
                if (group != null) {
                    out.append(table);
                    out.append('\n');
                    table = CommandLine.Help.TextTable.forColumns(colors,
                            new CommandLine.Help.Column(26, 2, CommandLine.Help.Column.Overflow.SPAN),
                            new CommandLine.Help.Column(54, 1, CommandLine.Help.Column.Overflow.WRAP));
                }
                out.append(heading).append('\n');
                group = heading;
            }
            table.addRowValues(e.synopsis(), e.description());
        }
        return out.append(table).toString();
    }
}
