package freezer.image.frozenc;

import freezer.image.manifest.MpyToolOptions;
import freezer.image.qstr.FirmwareQstrs;
import java.util.ArrayList;
import java.util.List;

/** What every part of one freeze shares: the settings, the reader's findings, the counts and the warnings. */
final class FreezeContext {
    private final FirmwareQstrs firmware;
    private final MpyToolOptions options;
    private final boolean singlePrecision;
    private final MpyToolReader reader;
    private final MpyToolStats stats = new MpyToolStats();
    private final List<FreezeWarning> warnings = new ArrayList<>();

    FreezeContext(FirmwareQstrs firmware, MpyToolOptions options, boolean singlePrecision, MpyToolReader reader) {
        this.firmware = firmware;
        this.options = options;
        this.singlePrecision = singlePrecision;
        this.reader = reader;
    }

    FirmwareQstrs firmware() {
        return firmware;
    }

    MpyToolOptions options() {
        return options;
    }

    /** Whether the target's mp_float_t is a C float. */
    boolean singlePrecision() {
        return singlePrecision;
    }

    MpyToolReader reader() {
        return reader;
    }

    MpyToolStats stats() {
        return stats;
    }

    void warn(String module, FreezeWarning.Kind kind, String message) {
        warnings.add(new FreezeWarning(module, kind, message));
    }

    List<FreezeWarning> warnings() {
        return warnings;
    }
}
