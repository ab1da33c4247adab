package freezer.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A man page (section 1, man(7) macros) for one command, written from the same picocli model as
 * its {@code --help}: {@code freezer(1)} lists the commands, {@code freezer-CMD(1)} has a
 * command's synopsis, description, options and parameters.
 */
final class ManPage {
    private final StringBuilder out = new StringBuilder();

    private ManPage() {
    }

    /** The page's file name: {@code freezer.1}, {@code freezer-compile.1}. */
    static String fileName(CommandSpec spec) {
        return spec.qualifiedName("-") + ".1";
    }

    static String of(CommandSpec spec) {
        return new ManPage().write(spec);
    }

    private String write(CommandSpec spec) {
        String name = spec.qualifiedName("-");
        macro(".TH", quote(name.toUpperCase(java.util.Locale.ROOT)), "1", "\"\"",
                quote("freezer " + Version.freezer()), quote("freezer manual"));
        macro(".SH", "NAME");
        text(name + " - " + firstSentence(spec));
        macro(".SH", "SYNOPSIS");
        for (String line : synopsis(spec)) {
            text(line);
            macro(".br");
        }
        macro(".SH", "DESCRIPTION");
        for (String d : spec.usageMessage().description()) {
            paragraph(d);
        }
        List<CommandLine> commands = spec.subcommands().values().stream().distinct()
                .filter(c -> !c.getCommandSpec().usageMessage().hidden()).toList();
        if (!commands.isEmpty()) {
            macro(".SH", "COMMANDS");
            for (CommandLine c : commands) {
                macro(".TP");
                bold(c.getCommandName());
                paragraphText(String.join(" ", c.getCommandSpec().usageMessage().description()));
            }
        }
        List<PositionalParamSpec> params = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
        if (!options.isEmpty() || !params.isEmpty()) {
            macro(".SH", "OPTIONS");
            for (OptionSpec o : options) {
                macro(".TP");
                line(optionSynopsis(spec, o));
                paragraphText(String.join(" ", o.description()));
            }
            for (PositionalParamSpec p : params) {
                macro(".TP");
                line("\\fI" + escape(p.paramLabel()) + "\\fR");
                paragraphText(String.join(" ", p.description()));
            }
        }
        macro(".SH", "EXIT STATUS");
        status(ExitStatus.OK, "done");
        status(ExitStatus.ERROR, "an input was rejected, a file could not be read or written, or freezer failed");
        status(ExitStatus.USAGE, "bad usage: an unknown option, a bad option value, a missing argument");
        status(ExitStatus.OVER_BUDGET, "a budget or threshold was exceeded");
        macro(".SH", "SEE ALSO");
        CommandSpec top = spec;
        while (top.parent() != null) {
            top = top.parent();
        }
        StringBuilder see = new StringBuilder();
        for (CommandLine c : top.subcommands().values().stream().distinct().toList()) {
            CommandSpec s = c.getCommandSpec();
            if (s != spec && !s.helpCommand() && !s.usageMessage().hidden()) {
                see.append(see.length() == 0 ? "" : ", ").append("\\fB").append(escape(s.qualifiedName("-")))
                        .append("\\fR(1)");
            }
        }
        if (top != spec) {
            see.insert(0, "\\fBfreezer\\fR(1)" + (see.length() > 0 ? ", " : ""));
        }
        line(see.toString());
        paragraph("The documentation under share/doc/freezer of the distribution (docs/ of the source): cli.md,"
                + " dis.md, compatibility.md, install.md, architecture.md.");
        return out.toString();
    }

    private static List<String> synopsis(CommandSpec spec) {
        String[] custom = spec.usageMessage().customSynopsis();
        if (custom.length > 0) {
            return java.util.Arrays.stream(custom).map(String::strip).toList();
        }
        CommandLine.Help help = new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        return help.synopsis(0).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String optionSynopsis(CommandSpec spec, OptionSpec o) {
        StringBuilder b = new StringBuilder();
        for (String n : o.names()) {
            b.append(b.length() == 0 ? "" : ", ").append("\\fB").append(escape(n)).append("\\fR");
        }
        if (o.arity().max() > 0 && !o.usageHelp() && !o.versionHelp()) {
            String label = o.paramLabel();
            if (o.hideParamSyntax()) {
                b.append(escape(label));
            } else {
                b.append(escape(spec.parser().separator())).append("\\fI").append(escape(label.replaceAll("[<>]", "")))
                        .append("\\fR");
            }
        }
        return b.toString();
    }

    private static String firstSentence(CommandSpec spec) {
        String[] d = spec.usageMessage().description();
        String all = d.length > 0 ? d[0] : spec.name();
        int stop = all.indexOf(": ");
        int dot = all.indexOf(". ");
        int cut = stop > 0 && (dot < 0 || stop < dot) ? stop : dot;
        return cut > 0 ? all.substring(0, cut) : all.replaceAll("\\.$", "");
    }

    private void status(int code, String meaning) {
        macro(".TP");
        line(Integer.toString(code));
        paragraphText(meaning);
    }

    private void macro(String name, String... args) {
        out.append(name);
        for (String a : args) {
            out.append(' ').append(a);
        }
        out.append('\n');
    }

    private void bold(String s) {
        line("\\fB" + escape(s) + "\\fR");
    }

    private void text(String s) {
        line(escape(s));
    }

    private void paragraph(String s) {
        macro(".PP");
        paragraphText(s);
    }

    private void paragraphText(String s) {
        line(escape(plain(s)));
    }

    private void line(String s) {
        // a line starting with a dot or quote would be read as a request
        if (s.startsWith(".") || s.startsWith("'")) {
            out.append("\\&");
        }
        out.append(s).append('\n');
    }

    /** picocli's description text as plain text: its format line breaks become spaces. */
    private static String plain(String s) {
        return s.replace("%n", " ").replace("%%", "%").strip();
    }

    private static String quote(String s) {
        return "\"" + escape(s).replace("\"", "\\(dq") + "\"";
    }

    /** Text as roff prints it literally: backslashes doubled, hyphens as minus signs (options stay typeable). */
    static String escape(String s) {
        return s.replace("\\", "\\e").replace("-", "\\-");
    }
}
