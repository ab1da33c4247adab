package freezer.image.frozenc;

import java.util.ArrayList;
import java.util.List;

/**
 * The target settings mpy-tool.py takes ({@code --mpy-tool-flags}): the long-int implementation
 * and the mpz digit size.
 *
 * @param longIntImpl {@code -mlongint-impl} (default mpz)
 * @param mpzDigSize {@code -mmpz-dig-size} in bits (default 16)
 */
public record MpyToolOptions(LongIntImpl longIntImpl, int mpzDigSize) {
    public static final MpyToolOptions DEFAULT = new MpyToolOptions(LongIntImpl.MPZ, 16);

    private static final String LONGINT = "-mlongint-impl";
    private static final String DIG_SIZE = "-mmpz-dig-size";
    private static final String ARCH_FLAGS = "-march-flags";

    public MpyToolOptions {
        if (mpzDigSize != 8 && mpzDigSize != 16 && mpzDigSize != 32) {
            throw new IllegalArgumentException("mpz digit size " + mpzDigSize);
        }
    }

    /** A flags string freezer cannot use. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    /**
     * Reads {@code --mpy-tool-flags} as makemanifest.py hands it to mpy-tool.py's argparse: split
     * on white space; {@code -mlongint-impl} and {@code -mmpz-dig-size} with their value after a
     * space or {@code =}, or any unambiguous prefix of them; {@code -march-flags} is accepted and
     * does not affect freezing. The last occurrence wins.
     */
    public static MpyToolOptions parse(String flags) throws UsageException {
        LongIntImpl impl = DEFAULT.longIntImpl;
        int digSize = DEFAULT.mpzDigSize;
        List<String> args = new ArrayList<>(List.of(flags.strip().isEmpty() ? new String[0] : flags.strip().split("\\s+")));
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            String option = resolve(name, arg);
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("mpy-tool flag " + option + " needs a value");
                }
                value = args.get(++i);
            }
            switch (option) {
                case LONGINT:
                    impl = LongIntImpl.ofFlag(value);
                    if (impl == null) {
                        throw new UsageException("mpy-tool flag " + LONGINT + ": invalid choice '" + value
                                + "' (choose from 'none', 'longlong', 'mpz')");
                    }
                    break;
                case DIG_SIZE:
                    digSize = number(DIG_SIZE, value);
                    if (digSize != 8 && digSize != 16 && digSize != 32) {
                        throw new UsageException("mpy-tool flag " + DIG_SIZE + ": " + value
                                + " is not an mpz digit size (8, 16 or 32)");
                    }
                    break;
                default:
                    number(ARCH_FLAGS, value);
                    break;
            }
        }
        return new MpyToolOptions(impl, digSize);
    }

    /** argparse's matching: the exact option, or the one option it is a prefix of. */
    private static String resolve(String name, String arg) throws UsageException {
        List<String> matches = new ArrayList<>();
        for (String o : List.of(LONGINT, DIG_SIZE, ARCH_FLAGS)) {
            if (o.equals(name)) {
                return o;
            }
            if (name.length() > 2 && o.startsWith(name)) {
                matches.add(o);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new UsageException("mpy-tool flag " + arg + " is not one freezer takes (it takes " + LONGINT + ", "
                    + DIG_SIZE + " and " + ARCH_FLAGS + ")");
        }
        throw new UsageException("mpy-tool flag " + arg + " is ambiguous: " + String.join(", ", matches));
    }

    private static int number(String option, String value) throws UsageException {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("mpy-tool flag " + option + ": invalid int value '" + value + "'");
        }
    }
}
