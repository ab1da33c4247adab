package freezer.image.frozenc;

import freezer.core.NativeArch;
import freezer.image.layout.CObject;
import freezer.image.qstr.FirmwareQstrs;
import freezer.image.qstr.FrozenQstrPool;
import java.util.List;

/**
 * A written frozen_content.c and what it holds.
 *
 * @param content the file's bytes
 * @param units the modules: str modules first, then the others, as the C lists them
 * @param objects every C object and string literal, in file order
 * @param pool the qstrs the C adds
 * @param firmware the firmware it was written against
 * @param arch the native architecture of the machine code it holds ({@code NONE} for none)
 * @param warnings faults upstream writes without a word
 */
public record FrozenImage(byte[] content, List<FrozenUnit> units, List<CObject> objects, FrozenQstrPool pool,
        FirmwareQstrs firmware, NativeArch arch, List<FreezeWarning> warnings) {
    public FrozenImage {
        content = content.clone();
        units = List.copyOf(units);
        objects = List.copyOf(objects);
        warnings = List.copyOf(warnings);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
