package freezer.reports.map;

import freezer.image.map.ItemKind;
import freezer.image.map.MapKind;
import java.util.List;

/**
 * The columns a report splits sizes into, by what the bytes are for: code, constants, qstrs and
 * the module tables in frozen C; in a ROMFS image, headers, payload and padding, with a .mpy
 * file's payload split into code, constant table and qstr table as its map splits it.
 */
public enum Category {
    CODE("bytecode"),
    CONSTANTS("constants"),
    QSTRS("qstrs"),
    TABLES("tables"),
    HEADERS("headers"),
    PAYLOAD("payload"),
    PADDING("padding");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    /** The column's name in every format. */
    public String label() {
        return label;
    }

    /** The columns of a map of this kind, in order. */
    public static List<Category> columns(MapKind kind) {
        return kind == MapKind.ROMFS ? List.of(HEADERS, CODE, CONSTANTS, QSTRS, PAYLOAD, PADDING)
                : List.of(CODE, CONSTANTS, QSTRS, TABLES);
    }

    /** Where an item's bytes count. */
    public static Category of(ItemKind kind) {
        return switch (kind) {
            case BYTECODE, MACHINE_CODE, NATIVE_PRELUDE, RAW_CODE, CHILDREN -> CODE;
            case OBJ_TABLE, CONST_STR, CONST_BYTES, CONST_INT, INT_DIGITS, CONST_FLOAT, CONST_COMPLEX, CONST_TUPLE,
                    STRING -> CONSTANTS;
            case QSTR_TABLE, QSTR_HASHES, QSTR_LENGTHS, QSTR_POOL -> QSTRS;
            case FROZEN_MODULE, FROZEN_NAMES, FROZEN_MPY_CONTENT, FROZEN_STR_SIZES, FROZEN_STR_CONTENT -> TABLES;
            case HEADER -> HEADERS;
            case PAYLOAD -> PAYLOAD;
            case PADDING -> PADDING;
        };
    }
}
