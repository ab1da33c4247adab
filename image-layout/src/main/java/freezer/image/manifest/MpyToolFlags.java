package freezer.image.manifest;

import java.util.List;

/**
 * Reads what {@code --mpy-tool-flags} tells mpy-tool.py about the target's long ints: the
 * implementation ({@code -mlongint-impl none|longlong|mpz}, default mpz) and the mpz digit size
 * ({@code -mmpz-dig-size N}, default 16). The flags are split at whitespace and read with
 * mpy-tool.py's own argparse table, so {@code -mlongint-impl longlong} (as the unix port's
 * longlong variant passes it), {@code -mlongint-impl=longlong} and argparse's prefixes work.
 * {@code -march-flags N} is taken (an int, as mpy-tool checks it) and changes nothing frozen;
 * mpy-tool's other options change what it does (disassemble, merge...) and are refused.
 */
public final class MpyToolFlags {
    private MpyToolFlags() {
    }

    /** mpy-tool.py's options (the table its argparse has, for prefixes and ambiguity). */
    static final PythonArgparse PARSER = new PythonArgparse(List.of(
            option("help", PythonArgparse.Action.HELP, "-h", "--help"),
            option("hexdump", PythonArgparse.Action.STORE_TRUE, "-x", "--hexdump"),
            option("disassemble", PythonArgparse.Action.STORE_TRUE, "-d", "--disassemble"),
            option("freeze", PythonArgparse.Action.STORE_TRUE, "-f", "--freeze"),
            option("json", PythonArgparse.Action.STORE_TRUE, "-j", "--json"),
            option("merge", PythonArgparse.Action.STORE_TRUE, "--merge"),
            option("extract", PythonArgparse.Action.STORE, "-e", "--extract"),
            option("extract_only", PythonArgparse.Action.STORE, "--extract-only"),
            option("qstr_header", PythonArgparse.Action.STORE, "-q", "--qstr-header"),
            option("mlongint_impl", PythonArgparse.Action.STORE, "-mlongint-impl"),
            option("mmpz_dig_size", PythonArgparse.Action.STORE, "-mmpz-dig-size"),
            option("march_flags", PythonArgparse.Action.STORE, "-march-flags"),
            option("output", PythonArgparse.Action.STORE, "-o", "--output")), null);

    private static PythonArgparse.Option option(String dest, PythonArgparse.Action action, String... names) {
        return new PythonArgparse.Option(dest, List.of(names), action);
    }

    /** Reads a {@code --mpy-tool-flags} value. */
    public static MpyToolOptions parse(String flags) throws MakeManifestArgs.UsageException {
        PythonArgparse.Parsed p;
        try {
            p = PARSER.parse(PythonSplit.split(flags));
        } catch (PythonArgparse.UsageException e) {
            throw new MakeManifestArgs.UsageException("--mpy-tool-flags: " + e.getMessage());
        }
        if (p.help()) {
            throw new MakeManifestArgs.UsageException("--mpy-tool-flags: freezer takes only -mlongint-impl,"
                    + " -mmpz-dig-size and -march-flags there, not -h/--help");
        }
        for (String dest : p.values().keySet()) {
            if (!dest.equals("mlongint_impl") && !dest.equals("mmpz_dig_size") && !dest.equals("march_flags")) {
                PythonArgparse.Option o = PARSER.options().stream().filter(x -> x.dest().equals(dest)).findFirst()
                        .orElseThrow();
                throw new MakeManifestArgs.UsageException("--mpy-tool-flags: freezer takes only -mlongint-impl,"
                        + " -mmpz-dig-size and -march-flags there, not " + o.display());
            }
        }
        LongIntImpl impl = LongIntImpl.MPZ;
        if (p.isSet("mlongint_impl")) {
            String v = p.last("mlongint_impl");
            impl = switch (v) {
                case "none" -> LongIntImpl.NONE;
                case "longlong" -> LongIntImpl.LONGLONG;
                case "mpz" -> LongIntImpl.MPZ;
                default -> throw new MakeManifestArgs.UsageException("--mpy-tool-flags: argument -mlongint-impl:"
                        + " invalid choice: " + PythonStrRepr.of(v) + " (choose from 'none', 'longlong', 'mpz')");
            };
        }
        if (p.isSet("march_flags") && pythonInt(p.last("march_flags")) == null) {
            throw new MakeManifestArgs.UsageException("--mpy-tool-flags: argument -march-flags: invalid int value: "
                    + PythonStrRepr.of(p.last("march_flags")));
        }
        int digits = 16;
        if (p.isSet("mmpz_dig_size")) {
            String v = p.last("mmpz_dig_size");
            Integer n = pythonInt(v);
            if (n == null) {
                throw new MakeManifestArgs.UsageException("--mpy-tool-flags: argument -mmpz-dig-size: invalid int"
                        + " value: " + PythonStrRepr.of(v));
            }
            if (n != 8 && n != 16 && n != 32) {
                throw new MakeManifestArgs.UsageException("--mpy-tool-flags: -mmpz-dig-size must be 8, 16 or 32"
                        + " (the digit sizes py/mpz.h supports), not " + n);
            }
            digits = n;
        }
        return new MpyToolOptions(impl, digits);
    }

    /** Python's int() of a decimal text (spaces around, a sign, underscores between digits), or null. */
    private static Integer pythonInt(String text) {
        String t = text.strip();
        if (t.matches("[+-]?[0-9]+(_[0-9]+)*") && t.replace("_", "").replaceFirst("^[+-]?0*", "").length() <= 9) {
            return Integer.parseInt(t.replace("_", ""));
        }
        return null;
    }
}
