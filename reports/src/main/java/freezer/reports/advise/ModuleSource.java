package freezer.reports.advise;

/**
 * One module to advise on.
 *
 * @param module its dotted import name ({@code drivers.bme280}; a package's {@code __init__} has the package's name)
 * @param file the path findings name, as the user gave it
 * @param bytes the source
 * @param isPackage whether it is a package's {@code __init__.py} (which also gets {@code __path__})
 * @param opt the optimisation level it is compiled with ({@code -O}; a manifest's {@code opt=})
 */
public record ModuleSource(String module, String file, byte[] bytes, boolean isPackage, int opt) {
    public ModuleSource {
        bytes = bytes.clone();
    }

    /** A module compiled at mpy-cross's default optimisation level. */
    public ModuleSource(String module, String file, byte[] bytes, boolean isPackage) {
        this(module, file, bytes, isPackage, 0);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
