package freezer.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * mpy-cross's command line, read the way mpy-cross/main.c reads it: the one parser of those
 * options, shared by {@code freezer compile} and the golden tests (whose {@code variants} files
 * hold mpy-cross flags).
 *
 * <p>What main.c does and this follows: a first pass validates every {@code -X} (even after
 * {@code --}); then options are read left to right, the last repeated option wins, {@code --version}
 * ends parsing at once, {@code -} and anything not starting with {@code -} is an input, {@code --}
 * makes every later argument an input; backslashes in {@code -s} and input paths become slashes.
 * Numbers are read as C's {@code strtol} reads them, and {@code -msmall-int-bits} is stored in a
 * byte as upstream stores it. {@code -march=host} means x64 on x86-64 and x86 on 32-bit x86
 * (the golden files come from an x86-64 build).
 *
 * @param options what the options set for the compile ({@code -s} is its source name)
 * @param inputs the input paths in order ({@code -} is standard input); mpy-cross takes exactly one,
 *     the caller decides (freezer's batch mode takes many, or none)
 * @param outputFile {@code -o}, or null
 * @param showVersion {@code --version} was given (nothing after it was read)
 * @param verbosity how many {@code -v}
 * @param heapSize {@code -X heapsize=}, in bytes as mpy-cross computes it (freezer does not need it)
 * @param extras freezer's own long options the caller asked for, by name, last one wins; a switch
 *     maps to {@code "true"}
 */
public record MpyCrossFlags(CompileOptions options, List<String> inputs, String outputFile, boolean showVersion,
        int verbosity, long heapSize, Map<String, String> extras) {

    /** The heap mpy-cross allocates on a 64-bit host unless {@code -X heapsize=} says otherwise. */
    public static final long DEFAULT_HEAP_SIZE = 2L * 1024 * 1024;

    // asmrv32.h: the RV32 extensions -march-flags may name
    private static final long RV32_EXT_ZBA = 1;
    private static final long RV32_EXT_ZCMP = 2;
    private static final long RV32_EXT_ALL = RV32_EXT_ZBA | RV32_EXT_ZCMP;

    public MpyCrossFlags {
        inputs = List.copyOf(inputs);
        extras = Map.copyOf(extras);
    }

    /** A command line mpy-cross would answer with its usage text or a one-line complaint. */
    public static class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    /** Reads mpy-cross's options only. */
    public static MpyCrossFlags parse(List<String> args) throws UsageException {
        return parse(args, Set.of(), Set.of());
    }

    /**
     * Reads mpy-cross's options and the given extra long options: {@code --name VALUE} or
     * {@code --name=VALUE} for those in {@code valueOptions}, a bare {@code --name} for those in
     * {@code switches}. Extras are recognised where main.c would otherwise reject an unknown option.
     */
    public static MpyCrossFlags parse(List<String> args, Set<String> valueOptions, Set<String> switches)
            throws UsageException {
        return new Reader(args, valueOptions, switches).read();
    }

    /** The parser's state while it walks the arguments once. */
    private static final class Reader {
        private final List<String> args;
        private final Set<String> valueOptions;
        private final Set<String> switches;

        private CompileOptions.Emit emit = CompileOptions.Emit.BYTECODE;
        private long heapSize = DEFAULT_HEAP_SIZE;
        private int optimisation;
        private int smallIntBits = CompileOptions.DEFAULT.smallIntBits();
        private NativeArch arch = NativeArch.NONE;
        private String archFlags;
        private String sourceName;
        private String outputFile;
        private int verbosity;
        private final List<String> inputs = new ArrayList<>();
        private final Map<String, String> extras = new LinkedHashMap<>();

        Reader(List<String> args, Set<String> valueOptions, Set<String> switches) {
            this.args = args;
            this.valueOptions = valueOptions;
            this.switches = switches;
        }

        MpyCrossFlags read() throws UsageException {
            readImplementationOptions();
            boolean optionsActive = true;
            for (int a = 0; a < args.size(); a++) {
                String arg = args.get(a);
                if (!(optionsActive && arg.length() > 1 && arg.charAt(0) == '-')) {
                    inputs.add(arg.replace('\\', '/'));
                } else if (arg.equals("-X")) {
                    a++; // read in the first pass
                } else if (arg.equals("--version")) {
                    return result(true);
                } else if (arg.equals("-v")) {
                    verbosity++;
                } else if (arg.startsWith("-O")) {
                    optimisation = optimisationLevel(arg);
                } else if (arg.equals("-o")) {
                    outputFile = valueAfter(a++, arg);
                } else if (arg.equals("-s")) {
                    sourceName = valueAfter(a++, arg).replace('\\', '/');
                } else if (arg.startsWith("-msmall-int-bits=")) {
                    smallIntBits = smallIntBits(arg.substring("-msmall-int-bits=".length()));
                } else if (arg.startsWith("-march=")) {
                    arch = arch(arg.substring("-march=".length()));
                } else if (arg.startsWith("-march-flags=")) {
                    archFlags = arg.substring("-march-flags=".length());
                } else if (arg.equals("--")) {
                    optionsActive = false;
                } else {
                    a += extra(a);
                }
            }
            return result(false);
        }

        /** main.c's pre_process_options: every {@code -X} anywhere is checked before anything else. */
        private void readImplementationOptions() throws UsageException {
            for (int a = 0; a < args.size(); a++) {
                if (!args.get(a).equals("-X")) {
                    continue;
                }
                if (a + 1 >= args.size()) {
                    throw new UsageException("-X needs an argument: emit=bytecode|native|viper or heapsize=N");
                }
                String opt = args.get(++a);
                if (opt.equals("emit=bytecode")) {
                    emit = CompileOptions.Emit.BYTECODE;
                } else if (opt.equals("emit=native")) {
                    emit = CompileOptions.Emit.NATIVE;
                } else if (opt.equals("emit=viper")) {
                    emit = CompileOptions.Emit.VIPER;
                } else if (opt.startsWith("heapsize=")) {
                    heapSize = heapSize(opt.substring("heapsize=".length()));
                } else {
                    throw new UsageException("unknown -X option '" + opt
                            + "' (expected emit=bytecode, emit=native, emit=viper or heapsize=N)");
                }
            }
        }

        private String valueAfter(int a, String option) throws UsageException {
            if (a + 1 >= args.size()) {
                throw new UsageException(option + " needs an argument");
            }
            return args.get(a + 1);
        }

        /** How many arguments after {@code args[a]} an extra option consumed. */
        private int extra(int a) throws UsageException {
            String arg = args.get(a);
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (valueOptions.contains(name)) {
                if (eq >= 0) {
                    extras.put(name, arg.substring(eq + 1));
                    return 0;
                }
                extras.put(name, valueAfter(a, name));
                return 1;
            }
            if (eq < 0 && switches.contains(name)) {
                extras.put(name, "true");
                return 0;
            }
            throw new UsageException("unknown option '" + arg + "'");
        }

        private MpyCrossFlags result(boolean version) throws UsageException {
            long flags = 0;
            if (!version) {
                flags = archFlagsValue();
                if (emit != CompileOptions.Emit.BYTECODE && arch == NativeArch.NONE) {
                    throw new UsageException("arch not specified");
                }
            }
            CompileOptions options = new CompileOptions(sourceName, optimisation, smallIntBits, arch, flags, emit);
            return new MpyCrossFlags(options, inputs, outputFile, version, verbosity, heapSize, extras);
        }

        /** main.c reads -march-flags only when an arch is set, and only rv32imc has flags. */
        private long archFlagsValue() throws UsageException {
            if (archFlags == null || arch == NativeArch.NONE) {
                return 0;
            }
            if (arch == NativeArch.RV32IMC) {
                Long raw = archFlagsNumber(archFlags);
                if (raw == null) {
                    raw = rv32FlagNames(archFlags);
                }
                if (raw != null && (raw & ~RV32_EXT_ALL) == 0) {
                    return raw;
                }
            }
            throw new UsageException("unrecognised arch flags");
        }
    }

    /**
     * The level an {@code -O...} argument sets: {@code -O<digit>} the digit, otherwise the number of
     * leading Os (main.c). Manifests reach it too: makemanifest.py passes {@code -O<opt>}.
     */
    public static int optimisationLevel(String arg) {
        if (arg.length() > 2 && isDigit(arg.charAt(2), 10)) {
            return arg.charAt(2) & 0xf;
        }
        int level = 0;
        for (int i = 1; i < arg.length() && arg.charAt(i) == 'O'; i++) {
            level++;
        }
        return level;
    }

    private static int smallIntBits(String text) throws UsageException {
        CLong n = CLong.strtol(text);
        if (n.end() != text.length()) {
            throw new UsageException("invalid -msmall-int-bits value '" + text + "'");
        }
        // mpy_dynamic_compiler_t keeps it in a uint8_t
        return (int) (n.value() & 0xff);
    }

    private static NativeArch arch(String name) throws UsageException {
        if (name.equals("host")) {
            return hostArch(System.getProperty("os.arch", ""));
        }
        NativeArch a = NativeArch.byMarchName(name).orElse(null);
        if (a == null || a == NativeArch.HOST) {
            throw new UsageException("unknown architecture '" + name + "' for -march (x86, x64, armv6, armv6m,"
                    + " armv7m, armv7em, armv7emsp, armv7emdp, xtensa, xtensawin, rv32imc, rv64imc, host, debug)");
        }
        return a;
    }

    /**
     * mpy-cross's {@code -march=host}: the architecture it was built for, which for freezer is
     * the machine it runs on: x64 on x86-64, x86 on 32-bit x86; anything else is an error, as
     * upstream's is where it has no native emitter for its host.
     */
    static NativeArch hostArch(String osArch) throws HostArchitectureUnknown {
        return switch (osArch) {
            case "amd64", "x86_64" -> NativeArch.X64;
            case "x86", "i386", "i486", "i586", "i686" -> NativeArch.X86;
            default -> throw new HostArchitectureUnknown(osArch);
        };
    }

    /**
     * {@code -march=host} on a machine mpy-cross has no native emitter for: upstream prints
     * "unable to determine host architecture for -march=host" and exits 1 (not a usage error).
     */
    public static final class HostArchitectureUnknown extends UsageException {
        private static final long serialVersionUID = 1L;

        HostArchitectureUnknown(String osArch) {
            super("unable to determine host architecture for -march=host (this machine is " + osArch + ")");
        }
    }

    /** {@code heapsize=N[w][k|m]}: strtol, then "w" scales from 32-bit words to 64-bit, k and m multiply. */
    private static long heapSize(String text) {
        CLong n = CLong.strtol(text);
        long size = n.value();
        int end = n.end();
        boolean wordAdjust = false;
        if (end < text.length() && (text.charAt(end) | 0x20) == 'w') {
            wordAdjust = true;
            end++;
        }
        if (end < text.length() && (text.charAt(end) | 0x20) == 'k') {
            size *= 1024;
        } else if (end < text.length() && (text.charAt(end) | 0x20) == 'm') {
            size *= 1024 * 1024;
        }
        return wordAdjust ? size * 8 / 4 : size;
    }

    /**
     * main.c's parse_integer: "0b..." and "0x..." in base 2 and 16, any other text longer than two
     * characters that starts with 0 is refused, everything else is decimal; parsed as
     * mp_parse_num_integer does (spaces around, a sign, underscores between digits), and it must be a
     * small int. Null when refused.
     */
    static Long archFlagsNumber(String text) {
        int base = 10;
        if (text.length() > 2 && text.charAt(0) == '0') {
            char c = (char) (text.charAt(1) | 0x20);
            if (c == 'b') {
                base = 2;
            } else if (c == 'x') {
                base = 16;
            } else {
                return null;
            }
        }
        int i = 0;
        int top = text.length();
        while (i < top && isCSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < top && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        // mp_parse_num_base: an optional prefix matching the base
        if (top - i > 1 && text.charAt(i) == '0') {
            char c = (char) (text.charAt(i + 1) | 0x20);
            if ((c == 'x' && base == 16) || (c == 'b' && base == 2)) {
                i += 2;
            }
        }
        BigInteger value = BigInteger.ZERO;
        int digitsStart = i;
        for (; i < top; i++) {
            char c = text.charAt(i);
            if (c == '_') {
                continue;
            }
            if (!isDigit(c, base)) {
                break;
            }
            int d = Character.digit(c, base);
            value = value.multiply(BigInteger.valueOf(base)).add(BigInteger.valueOf(d));
        }
        if (i == digitsStart) {
            return null;
        }
        while (i < top && isCSpace(text.charAt(i))) {
            i++;
        }
        if (i != top) {
            return null;
        }
        if (negative) {
            value = value.negate();
        }
        // a small int on a 64-bit host holds 63 bits
        if (value.bitLength() > 62) {
            return null;
        }
        return value.longValueExact();
    }

    /** main.c's parse_rv32_flags_string: comma-separated "zba" and "zcmp", at least one. */
    static Long rv32FlagNames(String text) {
        long flags = 0;
        int current = 0;
        while (current < text.length()) {
            int comma = text.indexOf(',', current);
            int end = comma < 0 ? text.length() : comma;
            String name = text.substring(current, end);
            if (name.equals("zba")) {
                flags |= RV32_EXT_ZBA;
            } else if (name.equals("zcmp")) {
                flags |= RV32_EXT_ZCMP;
            } else {
                return null;
            }
            current = end + 1;
        }
        return flags != 0 ? flags : null;
    }

    /** An ASCII digit of the base (Java's own digit test also takes non-ASCII digits). */
    static boolean isDigit(char c, int base) {
        return c < 0x80 && Character.digit(c, base) >= 0;
    }

    static boolean isCSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** C's {@code strtol(text, &end, 0)}: the value (clamped on overflow) and where reading stopped. */
    record CLong(long value, int end) {
        static CLong strtol(String s) {
            int i = 0;
            while (i < s.length() && isCSpace(s.charAt(i))) {
                i++;
            }
            boolean negative = false;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                negative = s.charAt(i) == '-';
                i++;
            }
            int base = 10;
            if (i < s.length() && s.charAt(i) == '0') {
                if (i + 2 < s.length() && (s.charAt(i + 1) | 0x20) == 'x' && isDigit(s.charAt(i + 2), 16)) {
                    base = 16;
                    i += 2;
                } else {
                    base = 8;
                }
            }
            BigInteger value = BigInteger.ZERO;
            int start = i;
            while (i < s.length() && isDigit(s.charAt(i), base)) {
                value = value.multiply(BigInteger.valueOf(base))
                        .add(BigInteger.valueOf(Character.digit(s.charAt(i), base)));
                i++;
            }
            if (i == start) {
                return new CLong(0, 0);
            }
            if (negative) {
                value = value.negate();
            }
            long clamped = value.max(BigInteger.valueOf(Long.MIN_VALUE)).min(BigInteger.valueOf(Long.MAX_VALUE))
                    .longValueExact();
            return new CLong(clamped, i);
        }
    }
}
