package freezer.cli;

import freezer.image.layout.ObjRepr;
import freezer.image.layout.Target;
import freezer.image.manifest.MakeManifestArgs;

/** {@code --target NAME} and the four values that override a preset's (docs/freeze.md#targets). */
final class TargetOptions {
    static final String DEFAULT = "unix-x64";

    private TargetOptions() {
    }

    static Target target(MakeManifestArgs a) throws MakeManifestArgs.UsageException {
        String name = a.target() != null ? a.target() : DEFAULT;
        Target preset = Target.preset(name).orElseThrow(() -> new MakeManifestArgs.UsageException(
                "argument --target: '" + name + "' is not a target (choose from " + String.join(", ",
                        Target.presets().keySet()) + ")"));
        MakeManifestArgs.TargetValues v = a.targetValues();
        try {
            Integer word = v.wordSize() != null ? Integer.valueOf((int) FreezeCommand.FreezeSettings.number(
                    "--word-size", v.wordSize(), 1)) : null;
            Integer floats = v.floatSize() != null ? Integer.valueOf((int) FreezeCommand.FreezeSettings.number(
                    "--float-size", v.floatSize(), 0)) : null;
            ObjRepr repr = v.objRepr() != null ? ObjRepr.of(v.objRepr()) : null;
            Boolean save = v.persistentCodeSave() != null ? yesNo(v.persistentCodeSave()) : null;
            return preset.with(word, floats, repr, save);
        } catch (IllegalArgumentException e) {
            throw new MakeManifestArgs.UsageException(e.getMessage());
        }
    }

    private static boolean yesNo(String v) throws MakeManifestArgs.UsageException {
        switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "1": case "yes": case "true":
                return true;
            case "0": case "no": case "false":
                return false;
            default:
                throw new MakeManifestArgs.UsageException("argument --persistent-code-save: '" + v + "' is not 1 or 0");
        }
    }
}
