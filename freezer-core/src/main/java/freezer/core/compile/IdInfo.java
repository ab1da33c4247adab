package freezer.core.compile;

/** One name of a scope: how it is bound, its flags, and its slot number once known. */
final class IdInfo {
    static final int FLAG_IS_PARAM = 0x01;
    static final int FLAG_IS_STAR_PARAM = 0x02;
    static final int FLAG_IS_DBL_STAR_PARAM = 0x04;

    IdKind kind;
    int flags;
    int localNum;
    final String name;

    IdInfo(String name, IdKind kind) {
        this.name = name;
        this.kind = kind;
    }

    IdInfo copy() {
        IdInfo c = new IdInfo(name, kind);
        c.flags = flags;
        c.localNum = localNum;
        return c;
    }

    boolean isParam() {
        return (flags & FLAG_IS_PARAM) != 0;
    }

    @Override
    public String toString() {
        return name + ":" + kind + "#" + localNum;
    }
}
