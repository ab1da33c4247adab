package freezer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What every command gets without asking, whoever registered it in {@link Main}: {@code -h} and
 * {@code --help}, {@code freezer help COMMAND}, and for {@code compile} its option table. Help,
 * shell completion and man pages all read the model this leaves, so a new command shows up in
 * all of them with no edit here.
 */
final class CommandModel {
    static final String HELP_COMMAND = "help";

    private CommandModel() {
    }

    static void complete(CommandLine top) {
        if (!top.getSubcommands().containsKey(HELP_COMMAND)) {
            top.addSubcommand(HELP_COMMAND, new CommandLine.HelpCommand());
        }
        CommandLine compile = top.getSubcommands().get("compile");
        if (compile != null) {
            CompileHelp.describe(compile.getCommandSpec());
        }
        addHelpOptions(top);
    }

    /** {@code -h, --help} on every command that has no usage-help option (as far as the names are free). */
    private static void addHelpOptions(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        boolean hasHelp = spec.options().stream().anyMatch(OptionSpec::usageHelp);
        if (!hasHelp && !spec.helpCommand()) {
            String[] names = spec.optionsMap().containsKey("-h") ? new String[] {"--help"}
                    : new String[] {"-h", "--help"};
            spec.addOption(OptionSpec.builder(names).usageHelp(true).description("Show this help and exit.").build());
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub != cl) {
                addHelpOptions(sub);
            }
        }
    }
}
