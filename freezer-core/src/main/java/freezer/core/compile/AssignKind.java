package freezer.core.compile;

/** What c_assign does with a target: store, or the load and store halves of {@code x op= y}. */
enum AssignKind {
    STORE, AUG_LOAD, AUG_STORE
}
