package freezer.image.frozenc;

import freezer.image.manifest.MpyToolOptions;
import java.nio.file.Path;
import java.util.List;

/** {@link GoldenFreeze} for tests in other packages. */
public final class GoldenFreezeAccess {
    private GoldenFreezeAccess() {
    }

    public static List<String> projects() {
        return GoldenFreeze.projects();
    }

    public static Path root() {
        return GoldenFreeze.root();
    }

    /** The project frozen for the unix firmware, or for the Cortex-M3 one with -march=armv7m. */
    public static FrozenImage freeze(String project, boolean qemu) throws Exception {
        var entries = GoldenFreeze.entries(project);
        GoldenFreeze.Firmware fw = qemu ? GoldenFreeze.Firmware.QEMU : GoldenFreeze.Firmware.UNIX;
        return GoldenFreeze.freeze(entries, fw, MpyToolOptions.DEFAULT).image();
    }
}
