package freezer.cli;

import freezer.image.flash.FlashFormat;
import freezer.image.flash.PythonInt;
import freezer.image.flash.Uf2Families;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Numbers the image commands take: addresses and UF2 families as uf2conv.py reads them
 * (Python's {@code int(x, 0)}: {@code 0x10180000}, {@code 1_048_576}), sizes the same way or
 * with a K or M suffix (KiB, MiB), and format names in any case.
 */
final class NumberOptions {
    private NumberOptions() {
    }

    static final long MAX_ADDRESS = 0xFFFF_FFFFL;

    /** A flash address: 0 to 0xFFFFFFFF. */
    static final class Address implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            Long v = PythonInt.parse(value);
            if (v == null || v < 0 || v > MAX_ADDRESS) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not an address from 0 to 0xFFFFFFFF"
                        + " (decimal, or 0x hex)");
            }
            return v;
        }
    }

    /** A size in bytes, at least 1: a number, or one with a K or M suffix. */
    static final class Size implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String s = value.strip();
            long unit = 1;
            if (s.endsWith("K") || s.endsWith("k")) {
                unit = 1024;
            } else if (s.endsWith("M") || s.endsWith("m")) {
                unit = 1024 * 1024;
            }
            Long v = PythonInt.parse(unit == 1 ? s : s.substring(0, s.length() - 1));
            if (v == null || v < 1 || v > Long.MAX_VALUE / unit) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a size in bytes (a positive number,"
                        + " 0x hex, or with a K or M suffix)");
            }
            return v * unit;
        }
    }

    /** A UF2 family: a name from uf2families.json in any case, or a 32-bit number. */
    static final class Family implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            Uf2Families.Family f = Uf2Families.byName(value);
            if (f != null) {
                return f.id();
            }
            Long v = PythonInt.parse(value);
            if (v == null || v < 0 || v > MAX_ADDRESS) {
                StringBuilder names = new StringBuilder();
                for (Uf2Families.Family k : Uf2Families.all()) {
                    names.append(names.length() == 0 ? "" : ", ").append(k.name());
                }
                throw new CommandLine.TypeConversionException("the UF2 family '" + value + "' is neither a 32-bit"
                        + " number nor one of: " + names);
            }
            return v;
        }
    }

    /** bin, hex or uf2, in any case. */
    static final class Format implements CommandLine.ITypeConverter<FlashFormat> {
        @Override
        public FlashFormat convert(String value) {
            try {
                return FlashFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a format: bin, hex or uf2");
            }
        }
    }

    /** The family as a user would recognise it: its name and ID, or the ID alone. */
    static String describeFamily(long id) {
        Uf2Families.Family f = Uf2Families.byId(id);
        return f != null ? String.format("%s (0x%08x)", f.name(), id) : String.format("0x%08x", id);
    }
}
