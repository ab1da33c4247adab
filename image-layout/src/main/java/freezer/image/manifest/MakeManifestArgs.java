package freezer.image.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * tools/makemanifest.py's command line, as {@code freezer freeze} takes it, plus freezer's own
 * options; parsed with argparse's rules ({@link PythonArgparse}), so a build that calls
 * makemanifest.py can call freezer with the same arguments. Pure: no file is touched.
 *
 * <pre>
 * -o/--output FILE        the frozen_content.c to write
 * -b/--build-dir DIR      the build folder (BUILD/frozen_mpy/..., BUILD/genhdr/qstrdefs.preprocessed.h)
 * -f/--mpy-cross-flags F  flags for every compile (split at spaces; -f-march=armv7m glued)
 * -v/--var NAME=VALUE     a path variable (repeatable)
 * --mpy-tool-flags F      -mlongint-impl none|longlong|mpz, -mmpz-dig-size N
 * MANIFEST...             manifest.py files, JSON manifests, or manifest code
 * freezer's own: -q/--qstr-header FILE, --target T, --map FILE|-, --max-rom N, --strict,
 *   --word-size N, --float-size N, --obj-repr R, --persistent-code-save 0|1, -j/--jobs N
 * </pre>
 *
 * @param output {@code -o}, or null when not given
 * @param buildDir {@code -b}, or null when not given
 * @param mpyCrossFlags {@code -f} ("" when not given, as upstream's default)
 * @param variables the {@code -v} values in order, each checked to be NAME=VALUE
 * @param mpyToolFlags {@code --mpy-tool-flags} as given ("" when not given)
 * @param mpyTool what those flags say
 * @param manifests the positional arguments: see {@link ManifestInput#of}
 * @param qstrHeader freezer's {@code -q}: the firmware's qstr header, instead of BUILD/genhdr/qstrdefs.preprocessed.h; or null
 * @param target freezer's {@code --target} preset name, or null
 * @param map freezer's {@code --map} file ({@code -} for a table on stdout), or null
 * @param maxRom freezer's {@code --max-rom} budget in bytes
 * @param strict freezer's {@code --strict}: warnings are errors
 * @param help whether {@code -h/--help} was given (argparse prints help and exits 0 there)
 * @param targetValues freezer's {@code --word-size}, {@code --float-size}, {@code --obj-repr} and
 *     {@code --persistent-code-save} (each null when not given), checked by the freeze command
 * @param jobs freezer's {@code -j/--jobs} as given, or null
 */
public record MakeManifestArgs(String output, String buildDir, String mpyCrossFlags, List<String> variables,
        String mpyToolFlags, MpyToolOptions mpyTool, List<String> manifests, String qstrHeader, String target,
        String map, OptionalLong maxRom, boolean strict, boolean help, TargetValues targetValues, String jobs) {

    /** The four values that change a target preset, as given (null when not). */
    public record TargetValues(String wordSize, String floatSize, String objRepr, String persistentCodeSave) {
    }

    public MakeManifestArgs {
        variables = List.copyOf(variables);
        manifests = List.copyOf(manifests);
    }

    /** makemanifest.py's argparse, with freezer's options after upstream's (argparse's -h first). */
    static final PythonArgparse PARSER = new PythonArgparse(List.of(
            option("help", PythonArgparse.Action.HELP, "-h", "--help"),
            option("output", PythonArgparse.Action.STORE, "-o", "--output"),
            option("build_dir", PythonArgparse.Action.STORE, "-b", "--build-dir"),
            option("mpy_cross_flags", PythonArgparse.Action.STORE, "-f", "--mpy-cross-flags"),
            option("var", PythonArgparse.Action.APPEND, "-v", "--var"),
            option("mpy_tool_flags", PythonArgparse.Action.STORE, "--mpy-tool-flags"),
            option("qstr_header", PythonArgparse.Action.STORE, "-q", "--qstr-header"),
            option("target", PythonArgparse.Action.STORE, "--target"),
            option("map", PythonArgparse.Action.STORE, "--map"),
            option("max_rom", PythonArgparse.Action.STORE, "--max-rom"),
            option("strict", PythonArgparse.Action.STORE_TRUE, "--strict"),
            option("word_size", PythonArgparse.Action.STORE, "--word-size"),
            option("float_size", PythonArgparse.Action.STORE, "--float-size"),
            option("obj_repr", PythonArgparse.Action.STORE, "--obj-repr"),
            option("persistent_code_save", PythonArgparse.Action.STORE, "--persistent-code-save"),
            option("jobs", PythonArgparse.Action.STORE, "-j", "--jobs")), "files");

    private static PythonArgparse.Option option(String dest, PythonArgparse.Action action, String... names) {
        return new PythonArgparse.Option(dest, List.of(names), action);
    }

    /** The usage line, argparse style. */
    public static final String USAGE = "usage: freezer freeze [-h] [-o OUTPUT] [-b BUILD_DIR] [-f MPY_CROSS_FLAGS]"
            + " [-v VAR] [--mpy-tool-flags MPY_TOOL_FLAGS] [-q QSTR_HEADER] [--target TARGET] [--map MAP]"
            + " [--max-rom MAX_ROM] [--strict] [--word-size WORD_SIZE] [--float-size FLOAT_SIZE]"
            + " [--obj-repr OBJ_REPR] [--persistent-code-save PERSISTENT_CODE_SAVE] [-j JOBS] files [files ...]";

    /** A command line refused as argparse refuses it: print the usage and the message, exit 2. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    /** Parses {@code freezer freeze}'s arguments (those after the command name). */
    public static MakeManifestArgs parse(List<String> args) throws UsageException {
        PythonArgparse.Parsed p;
        try {
            p = PARSER.parse(args);
        } catch (PythonArgparse.UsageException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> vars = new ArrayList<>(p.all("var"));
        for (String v : vars) {
            // argparse takes it; makemanifest.py then fails unpacking name, value (a traceback, status 1)
            if (v.indexOf('=') < 0) {
                throw new UsageException("argument -v/--var: expected NAME=VALUE, got " + PythonStrRepr.of(v));
            }
        }
        String toolFlags = p.isSet("mpy_tool_flags") ? p.last("mpy_tool_flags") : "";
        MpyToolOptions tool = p.help() ? MpyToolOptions.DEFAULT : MpyToolFlags.parse(toolFlags);
        OptionalLong maxRom = OptionalLong.empty();
        if (p.isSet("max_rom")) {
            maxRom = OptionalLong.of(bytes(p.last("max_rom")));
        }
        return new MakeManifestArgs(p.last("output"), p.last("build_dir"),
                p.isSet("mpy_cross_flags") ? p.last("mpy_cross_flags") : "", vars, toolFlags, tool, p.positionals(),
                p.last("qstr_header"), p.last("target"), p.last("map"), maxRom, p.isSet("strict"), p.help(),
                new TargetValues(p.last("word_size"), p.last("float_size"), p.last("obj_repr"),
                        p.last("persistent_code_save")), p.last("jobs"));
    }

    private static long bytes(String text) throws UsageException {
        try {
            long n = Long.parseLong(text.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("argument --max-rom: expected a number of bytes, got " + PythonStrRepr.of(text));
    }

    /** The {@code -f} flags as makemanifest.py hands them to mpy-cross: split at whitespace. */
    public List<String> mpyCrossFlagList() {
        return PythonSplit.split(mpyCrossFlags);
    }

    /** The manifests to evaluate, by makemanifest.py's rule (and freezer's .json). */
    public List<ManifestInput> manifestInputs() {
        return manifests.stream().map(ManifestInput::of).toList();
    }
}
