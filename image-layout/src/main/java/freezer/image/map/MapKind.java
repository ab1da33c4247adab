package freezer.image.map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a {@link MemoryMap} describes. */
public enum MapKind {
    /** A {@code frozen_content.c} compiled into the firmware's flash. */
    FROZEN_C("frozen-c"),
    /** A ROMFS image executed in place from flash. */
    ROMFS("romfs");

    private final String label;

    MapKind(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static MapKind ofLabel(String label) {
        for (MapKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown map kind " + label);
    }
}
