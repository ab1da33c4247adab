package freezer.core.mpy;

/**
 * Which MicroPython releases write which .mpy version (docs/reference/mpyfiles.rst of
 * MicroPython v1.28.0), for messages about files freezer cannot read.
 */
public final class MpyVersions {
    private MpyVersions() {
    }

    /** The releases that write a major version, or null for a version no release wrote. */
    public static String releasesOf(int version) {
        switch (version) {
            case 0:
                return "MicroPython v1.5.1 to v1.8.7";
            case 2:
                return "MicroPython v1.9 to v1.9.2";
            case 3:
                return "MicroPython v1.9.3 to v1.10";
            case 4:
                return "MicroPython v1.11";
            case 5:
                return "MicroPython v1.12 to v1.18";
            case 6:
                return "MicroPython v1.19 and later";
            default:
                return null;
        }
    }

    /** The releases that write a sub-version of version 6. */
    public static String releasesOfSubVersion(int subVersion) {
        switch (subVersion) {
            case 0:
                return "MicroPython v1.19.x";
            case 1:
                return "MicroPython v1.20 to v1.21.0";
            case 2:
                return "MicroPython v1.22.x";
            default:
                return "MicroPython v1.23.0 and later";
        }
    }

    /** Why a file of another major version cannot be read. */
    static String wrongVersion(int found) {
        String who = releasesOf(found);
        return ".mpy version " + found + " ("
                + (who == null ? "not written by any MicroPython release up to v1.28.0" : "written by " + who)
                + "); freezer reads version " + MpyHeader.VERSION + " (" + releasesOf(MpyHeader.VERSION)
                + "; MicroPython v1.28.0 writes 6.3): recompile the source with a matching mpy-cross";
    }

    /** Why native code of another sub-version cannot be read. */
    static String wrongSubVersion(int found) {
        return "native code of .mpy version 6." + found + " (written by " + releasesOfSubVersion(found)
                + "); freezer, like MicroPython v1.28.0, reads native code of version 6." + MpyHeader.SUB_VERSION
                + " only (" + releasesOfSubVersion(MpyHeader.SUB_VERSION) + ")";
    }
}
