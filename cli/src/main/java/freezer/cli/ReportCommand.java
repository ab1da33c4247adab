package freezer.cli;

import freezer.image.map.MapJson;
import freezer.image.map.MemoryMap;
import freezer.reports.map.CsvReport;
import freezer.reports.map.DiffReport;
import freezer.reports.map.HtmlReport;
import freezer.reports.map.JsonReport;
import freezer.reports.map.MapDiff;
import freezer.reports.map.MarkdownReport;
import freezer.reports.map.ReportOptions;
import freezer.reports.map.SizeReport;
import freezer.reports.map.TableReport;
import freezer.reports.map.Threshold;
import freezer.reports.map.TreeReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code freezer report MAP.json [--format F] [-o FILE] [--depth N] [--sort size|name]} and
 * {@code freezer report --diff OLD.json NEW.json [--format table|markdown|json] [--fail-over N|P%]}:
 * a memory map (docs/map.md) as people and CI read it (docs/report.md).
 */
@Command(name = "report",
        description = {"Show a memory map (freezer freeze --map) as a table, tree, CSV, JSON, Markdown or a"
            + " self-contained HTML treemap; or compare two maps with --diff, exit 3 when the growth passes"
            + " --fail-over (docs/report.md)."})
public final class ReportCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Option(names = "--format", paramLabel = "F",
            description = "table (default), tree, csv, json, markdown or html; with --diff: table, markdown or json")
    private String format = "table";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report to FILE, not standard output")
    private Path output;

    @Option(names = "--depth", paramLabel = "N",
            description = "levels of the tree and JSON: 1 packages, 2 modules, 3 functions (default), 4 objects")
    private int depth = 3;

    @Option(names = "--sort", paramLabel = "KEY", description = "size (default: biggest first) or name")
    private String sort = "size";

    @Option(names = "--budget", paramLabel = "BYTES", description = "show the total against this budget")
    private long budget;

    @Option(names = "--diff", description = "compare two maps: OLD.json NEW.json")
    private boolean diff;

    @Option(names = "--fail-over", paramLabel = "BYTES|PERCENT%",
            description = "with --diff: exit 3 when the image grew by more than this (512, or 2%% of the old total)")
    private String failOver;

    @Parameters(arity = "1..2", paramLabel = "MAP.json", description = "the map; with --diff, the old and the new map")
    private List<Path> maps = new ArrayList<>();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    public ReportCommand() {
        this(System.out, System.err);
    }

    public ReportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        String f = format.toLowerCase(Locale.ROOT);
        if (depth < 1) {
            throw usage("--depth must be 1 or more");
        }
        if (!sort.equals("size") && !sort.equals("name")) {
            throw usage("--sort is size or name, not '" + sort + "'");
        }
        if (budget < 0) {
            throw usage("--budget must not be negative");
        }
        Threshold threshold = null;
        if (failOver != null) {
            if (!diff) {
                throw usage("--fail-over is for --diff");
            }
            try {
                threshold = Threshold.parse(failOver);
            } catch (IllegalArgumentException e) {
                throw usage("--fail-over: " + e.getMessage());
            }
        }
        if (diff != (maps.size() == 2)) {
            throw usage(diff ? "--diff needs two maps: OLD.json NEW.json" : "one map, or --diff OLD.json NEW.json");
        }
        List<MemoryMap> read = new ArrayList<>();
        for (Path p : maps) {
            try {
                read.add(MapJson.read(Files.readAllBytes(p)));
            } catch (IOException | RuntimeException e) {
                err.println(p + ": " + (e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("")));
                err.flush();
                return ExitStatus.ERROR;
            }
        }
        String text;
        int status = ExitStatus.OK;
        if (diff) {
            MapDiff d = MapDiff.of(read.get(0), read.get(1));
            text = switch (f) {
                case "table" -> DiffReport.table(d, threshold);
                case "markdown", "md" -> DiffReport.markdown(d, threshold);
                case "json" -> DiffReport.json(d, threshold);
                default -> throw usage("--diff formats are table, markdown and json, not '" + format + "'");
            };
            if (threshold != null && threshold.exceeded(d.oldTotal(), d.newTotal())) {
                status = ExitStatus.OVER_BUDGET;
            }
        } else {
            SizeReport r = SizeReport.of(read.get(0));
            ReportOptions o = new ReportOptions(depth, sort.equals("name") ? ReportOptions.Sort.NAME
                    : ReportOptions.Sort.SIZE, budget);
            text = switch (f) {
                case "table" -> TableReport.render(r, o);
                case "tree" -> TreeReport.render(r, o);
                case "csv" -> CsvReport.render(r, o);
                case "json" -> JsonReport.render(r, o);
                case "markdown", "md" -> MarkdownReport.render(r, o);
                case "html" -> HtmlReport.render(r, o, maps.get(0).getFileName().toString());
                default -> throw usage("unknown --format '" + format + "' (table, tree, csv, json, markdown, html)");
            };
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (output != null) {
            try {
                AtomicFiles.write(output, bytes);
            } catch (IOException e) {
                new DiagnosticPrinter.Text().print(Diagnostic.io(output.toString(), "cannot write: " + e.getMessage()), err);
                return ExitStatus.ERROR;
            }
        } else {
            out.write(bytes, 0, bytes.length);
            out.flush();
        }
        if (status == ExitStatus.OVER_BUDGET) {
            err.println("freezer report: the image grew by more than --fail-over " + threshold);
            err.flush();
        }
        return status;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
