package freezer.image.layout;

/**
 * The C type of an object frozen C defines, as far as its size and alignment on a target
 * depend on it (py/emitglue.h, py/objstr.h, py/objint.h, py/mpz.h, py/qstr.h, py/obj.h).
 */
public sealed interface CType {

    /** An array of integers of a fixed width: {@code byte}, {@code qstr_short_t}, {@code uint32_t}, ... */
    record Ints(long count, int elementSize) implements CType {
    }

    /** An array of pointers ({@code const mp_raw_code_t *}, {@code const mp_frozen_module_t *}). */
    record Pointers(long count) implements CType {
    }

    /** An array of {@code mp_rom_obj_t}. */
    record Objects(long count) implements CType {
    }

    /** A machine-code array in {@code .text}, aligned by {@code __attribute__((aligned(N)))}. */
    record MachineCode(long length, int align) implements CType {
    }

    /** {@code mp_raw_code_t} (with the inline-asm fields) or {@code mp_raw_code_truncated_t}. */
    record RawCode(boolean asmFields) implements CType {
    }

    /** {@code mp_obj_str_t}: base, hash, length, data pointer. */
    record StrObject() implements CType {
    }

    /** {@code mp_obj_int_t} holding an mpz: base, bit fields and alloc, length, digit pointer. */
    record MpzInt() implements CType {
    }

    /** {@code mp_obj_int_t} holding a {@code long long}. */
    record LongLongInt() implements CType {
    }

    /** {@code mp_obj_float_t}: base and one {@code mp_float_t}. */
    record FloatObject() implements CType {
    }

    /** {@code mp_obj_complex_t}: base and two {@code mp_float_t}. */
    record ComplexObject() implements CType {
    }

    /** {@code mp_rom_obj_tuple_t} with its items. */
    record Tuple(long count) implements CType {
    }

    /** {@code mp_frozen_module_t}: the qstr table and object table pointers, the proto_fun pointer. */
    record FrozenModule() implements CType {
    }

    /** {@code qstr_pool_t} with one string pointer per qstr. */
    record QstrPool(long count, boolean hashes) implements CType {
    }

    /** A string literal, as a byte string (its bytes without the final NUL). */
    record Literal(String bytes) implements CType {
        /** Whether it holds a NUL byte (then it cannot go to a merged string section). */
        public boolean hasNul() {
            return bytes.indexOf('\0') >= 0;
        }
    }
}
