package freezer.image.map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a {@link MapUnit} is stored. */
public enum UnitKind {
    /** Frozen C: a .py compiled at freeze time. */
    COMPILED("compiled"),
    /** Frozen C: a prebuilt .mpy frozen as it is. */
    MPY("mpy"),
    /** Frozen C: a .py kept as source text ({@code freeze_as_str}). */
    STR("str"),
    /** ROMFS: a file. */
    FILE("file"),
    /** ROMFS: a folder. */
    DIR("dir");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static UnitKind ofLabel(String label) {
        for (UnitKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown unit kind " + label);
    }
}
