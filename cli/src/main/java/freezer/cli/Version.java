package freezer.cli;

import freezer.core.mpy.MpyHeader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** freezer's version, and the version line tools read from {@code mpy-cross --version}. */
public final class Version implements CommandLine.IVersionProvider {
    /** The MicroPython release whose mpy-cross freezer reproduces. */
    public static final String MICROPYTHON = "v1.28.0";

    /** freezer's own version, from the build. */
    public static String freezer() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What {@code freezer compile --version} prints. Tools match the end of mpy-cross's line
     * ({@code mpy_cross/__init__.py} searches for {@code mpy-cross emitting mpy v6.3}), so the line
     * keeps upstream's shape: {@code MicroPython <version> on <build>; mpy-cross emitting mpy v<V>.<S>}.
     */
    public static String mpyCrossLine() {
        return "MicroPython " + MICROPYTHON + " on freezer " + freezer() + "; mpy-cross emitting mpy v"
                + MpyHeader.VERSION + "." + MpyHeader.SUB_VERSION;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"freezer " + freezer() + " (compiles as MicroPython " + MICROPYTHON + "'s mpy-cross,"
                + " .mpy v" + MpyHeader.VERSION + "." + MpyHeader.SUB_VERSION + ")"};
    }
}
