package freezer.image.map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a {@link MapItem} is. The labels are the JSON values (docs/map.md lists them). */
public enum ItemKind {
    // frozen C, per function
    /** A bytecode function's fun_data. */
    BYTECODE("bytecode"),
    /** A native, viper or asm function's machine code (its prelude included). */
    MACHINE_CODE("machine_code"),
    /** A native function's prelude kept apart from its machine code (xtensawin). */
    NATIVE_PRELUDE("native_prelude"),
    /** An {@code mp_raw_code_t} or {@code mp_raw_code_truncated_t}. */
    RAW_CODE("raw_code"),
    /** The array of a function's children. */
    CHILDREN("children"),
    // frozen C, per module
    /** The module's {@code const_qstr_table_data_*}. */
    QSTR_TABLE("qstr_table"),
    /** The module's {@code const_obj_table_data_*}. */
    OBJ_TABLE("obj_table"),
    /** An {@code mp_obj_str_t} of type str. */
    CONST_STR("const_str"),
    /** An {@code mp_obj_str_t} of type bytes. */
    CONST_BYTES("const_bytes"),
    /** An {@code mp_obj_int_t}. */
    CONST_INT("const_int"),
    /** The digit array of a big int (a {@code __compound_literal.N}). */
    INT_DIGITS("int_digits"),
    /** An {@code mp_obj_float_t}. */
    CONST_FLOAT("const_float"),
    /** An {@code mp_obj_complex_t}. */
    CONST_COMPLEX("const_complex"),
    /** An {@code mp_rom_obj_tuple_t}. */
    CONST_TUPLE("const_tuple"),
    /** The module's {@code mp_frozen_module_t}. */
    FROZEN_MODULE("frozen_module"),
    /** A string literal: qstr text, a str or bytes constant's data. */
    STRING("string"),
    // frozen C, shared
    /** {@code mp_qstr_frozen_const_hashes}. */
    QSTR_HASHES("qstr_hashes"),
    /** {@code mp_qstr_frozen_const_lengths}. */
    QSTR_LENGTHS("qstr_lengths"),
    /** {@code mp_qstr_frozen_const_pool}. */
    QSTR_POOL("qstr_pool"),
    /** {@code mp_frozen_names}. */
    FROZEN_NAMES("frozen_names"),
    /** {@code mp_frozen_mpy_content}. */
    FROZEN_MPY_CONTENT("frozen_mpy_content"),
    /** {@code mp_frozen_str_sizes}. */
    FROZEN_STR_SIZES("frozen_str_sizes"),
    /** {@code mp_frozen_str_content} (a str module's share of it, in a unit). */
    FROZEN_STR_CONTENT("frozen_str_content"),
    // ROMFS
    /** A record's header (kind and length varints, name). */
    HEADER("header"),
    /** A file's data. */
    PAYLOAD("payload"),
    /** Bytes that only align what follows. */
    PADDING("padding");

    private final String label;

    ItemKind(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static ItemKind ofLabel(String label) {
        for (ItemKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown item kind " + label);
    }
}
