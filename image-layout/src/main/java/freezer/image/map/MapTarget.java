package freezer.image.map;

/**
 * The firmware a map's sizes are for (see freezer.image.layout.Target).
 *
 * @param name the preset's name, or {@code "custom"}
 * @param wordSize bytes in a pointer and a {@code size_t}
 * @param floatSize bytes in {@code mp_float_t} (4 single, 8 double, 0 no floats)
 * @param objRepr the object representation, {@code "A"} to {@code "D"} (MICROPY_OBJ_REPR)
 * @param persistentCodeSave whether raw-code structures carry MICROPY_PERSISTENT_CODE_SAVE's fields
 */
public record MapTarget(String name, int wordSize, int floatSize, String objRepr, boolean persistentCodeSave) {
}
