package freezer.core.compile;

/**
 * One name of a scope: how it is bound, its flags, and its slot number once known (py/scope.h
 * id_info_t). The flags byte also holds a viper parameter's type, as upstream keeps it there.
 */
public final class IdInfo {
    static final int FLAG_IS_PARAM = 0x01;
    static final int FLAG_IS_STAR_PARAM = 0x02;
    static final int FLAG_IS_DBL_STAR_PARAM = 0x04;
    /** Where a viper parameter's type sits in the flags (ID_FLAG_VIPER_TYPE_POS). */
    static final int FLAG_VIPER_TYPE_POS = 4;

    IdKind kind;
    int flags;
    int localNum;
    /** Where the name stands in its scope's list (which decides how a closure numbers it). */
    int position;
    final String name;

    IdInfo(String name, IdKind kind) {
        this.name = name;
        this.kind = kind;
    }

    public String name() {
        return name;
    }

    public IdKind kind() {
        return kind;
    }

    public int localNum() {
        return localNum;
    }

    public boolean isParam() {
        return (flags & FLAG_IS_PARAM) != 0;
    }

    /** The native type (runtime0.h MP_NATIVE_TYPE_*) a viper parameter was annotated with. */
    public int viperType() {
        return flags >> FLAG_VIPER_TYPE_POS;
    }

    @Override
    public String toString() {
        return name + ":" + kind + "#" + localNum;
    }
}
