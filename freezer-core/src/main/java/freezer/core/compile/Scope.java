package freezer.core.compile;

import freezer.core.CompileWork;
import freezer.core.emit.CodeHolder;
import freezer.core.emit.EmitOption;
import freezer.core.emit.VType;
import freezer.core.parse.ParseNode;
import freezer.core.parse.RuleNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A block of code with its own names, which becomes one function in the .mpy (py/scope.c). Names
 * are kept in the order they were first seen, as upstream keeps them: that order decides local
 * slot numbers.
 *
 * <p>The compiler reads and writes the fields; the emitters see the scope through the public
 * methods (scope_t is what compile.c hands py/emitbc.c and py/emitnative.c).
 */
public final class Scope {
    /** runtime0.h MP_SCOPE_FLAG_*: the signature flags stored in the prelude. */
    public static final int FLAG_GENERATOR = 0x01;
    public static final int FLAG_VARKEYWORDS = 0x02;
    public static final int FLAG_VARARGS = 0x04;
    public static final int FLAG_DEFKWARGS = 0x08;
    public static final int FLAG_ALL_SIG = 0x0f;
    /** The function reads globals or makes functions (only the native emitter asks). */
    public static final int FLAG_REFGLOBALS = 0x10;
    /** The function loads objects from the constant table (only the native emitter asks). */
    public static final int FLAG_HASCONSTS = 0x20;
    /** The native types from which a global name is a viper cast (int: bool and object are globals). */
    private static final int VIPER_CAST_MIN_TYPE = 2;
    /** Where a viper function's return type sits in the flags (3 bits). */
    public static final int FLAG_VIPERRET_POS = 6;

    final ScopeKind kind;
    final Scope parent;
    /** The node that opened the scope (the module's root, a funcdef, a classdef ...). */
    final ParseNode node;
    final String simpleName;
    final EmitOption emitOption;
    final CodeHolder code = new CodeHolder();

    int flags;
    int numPosArgs;
    int numKwonlyArgs;
    int numDefPosArgs;
    int numLocals;
    int stackSize;
    int excStackSize;
    final List<IdInfo> ids = new ArrayList<>();
    /** The same ids by name: scope.c scans the list, which makes a module of n names cost n squared. */
    private final Map<String, IdInfo> byName = new HashMap<>();
    /** The compile's counts of its formerly quadratic steps (tests read them). */
    private final CompileWork work;

    Scope(ScopeKind kind, Scope parent, ParseNode node, EmitOption emitOption, CompileWork work) {
        this.kind = kind;
        this.work = work;
        this.parent = parent;
        this.node = node;
        this.emitOption = emitOption;
        if (kind == ScopeKind.FUNCTION || kind == ScopeKind.CLASS) {
            this.simpleName = ((ParseNode.Id) ((RuleNode) node).arg(0)).name();
        } else {
            this.simpleName = kind.simpleName();
        }
    }

    IdInfo find(String name) {
        return byName.get(name);
    }

    IdInfo findOrAdd(String name, IdKind kind) {
        IdInfo id = find(name);
        if (id == null) {
            id = new IdInfo(name, kind);
            id.position = ids.size();
            ids.add(id);
            byName.put(name, id);
        }
        return id;
    }

    IdInfo findGlobal(String name) {
        Scope s = this;
        while (s.parent != null) {
            s = s.parent;
        }
        return s.find(name);
    }

    /** scope.c scope_check_to_close_over: a name bound in an enclosing function becomes free. */
    void checkToCloseOver(IdInfo id) {
        if (parent == null) {
            return;
        }
        for (Scope s = parent; s.parent != null; s = s.parent) {
            IdInfo id2 = s.find(id.name);
            if (id2 != null) {
                if (id2.kind == IdKind.LOCAL || id2.kind == IdKind.CELL || id2.kind == IdKind.FREE) {
                    id.kind = IdKind.FREE;
                    closeOverInParents(id.name);
                }
                break;
            }
        }
    }

    private void closeOverInParents(String name) {
        for (Scope s = parent; s != null && s.parent != null; s = s.parent) {
            IdInfo id = s.findOrAdd(name, IdKind.UNDECIDED);
            if (id.kind == IdKind.UNDECIDED) {
                // not bound here: free here too, keep looking outwards
                id.kind = IdKind.FREE;
            } else {
                if (id.kind == IdKind.LOCAL) {
                    id.kind = IdKind.CELL;
                }
                return;
            }
        }
    }

    /** emitcommon.c mp_emit_common_get_id_for_modification. */
    IdInfo idForModification(String name) {
        IdInfo id = findOrAdd(name, IdKind.GLOBAL_IMPLICIT);
        if (id.kind == IdKind.GLOBAL_IMPLICIT) {
            id.kind = kind.isFunctionLike() ? IdKind.LOCAL : IdKind.GLOBAL_IMPLICIT_ASSIGNED;
        }
        return id;
    }

    /**
     * compile.c scope_compute_things: slot numbers for locals, then cells, then frees (which
     * MicroPython puts first, passing them in as extra positional arguments).
     */
    void computeThings() {
        if ((flags & FLAG_VARARGS) != 0) {
            // MicroPython puts *args after the other parameters (but before **kwargs)
            int param = -1;
            for (int i = ids.size() - 1; i >= 0; i--) {
                IdInfo id = ids.get(i);
                if ((id.flags & IdInfo.FLAG_IS_STAR_PARAM) != 0) {
                    if (param >= 0) {
                        IdInfo tmp = ids.get(param);
                        ids.set(param, id);
                        ids.set(i, tmp);
                        id.position = param;
                        tmp.position = i;
                    }
                    break;
                } else if (param < 0 && id.flags == IdInfo.FLAG_IS_PARAM) {
                    param = i;
                }
            }
        }

        numLocals = 0;
        for (IdInfo id : ids) {
            if (kind == ScopeKind.CLASS && id.name.equals("__class__")) {
                // not a local: a cell if it is used at all
                continue;
            }
            if (kind.isFunctionLike() && id.kind == IdKind.GLOBAL_IMPLICIT) {
                id.kind = IdKind.GLOBAL_EXPLICIT;
            }
            // a function that reads globals (but in viper, int, ptr8 ... are casts, not globals)
            if (id.kind == IdKind.GLOBAL_EXPLICIT
                    && !(emitOption == EmitOption.VIPER && VType.nativeTypeOf(id.name) >= VIPER_CAST_MIN_TYPE)) {
                flags |= FLAG_REFGLOBALS;
            }
            if (id.kind == IdKind.LOCAL || id.isParam()) {
                id.localNum = numLocals++;
            }
        }

        for (IdInfo id : ids) {
            if (id.kind == IdKind.CELL && !id.isParam()) {
                id.localNum = numLocals++;
            }
        }

        if (parent != null) {
            int numFree = 0;
            for (IdInfo pid : closedOverIn(parent)) {
                byName.get(pid.name).localNum = numFree++;
            }
            if (numFree > 0) {
                for (IdInfo id : ids) {
                    if (id.kind != IdKind.FREE || id.isParam()) {
                        id.localNum += numFree;
                    }
                }
                numPosArgs += numFree;
                numLocals += numFree;
            }
        }
    }

    /**
     * The names of {@code outer} (cells or frees there) that this scope's free names stand for, in
     * outer's order: the order a closure numbers them in and loads them for MAKE_CLOSURE. scope.c
     * and compile.c walk all of outer's names for it, and this scope's for each cell there:
     * thousands of closures in a function of thousands of names made that quadratic. Each free
     * name is looked up instead.
     */
    List<IdInfo> closedOverIn(Scope outer) {
        List<IdInfo> found = null;
        for (IdInfo id : ids) {
            if (id.kind == IdKind.FREE) {
                work.parentNameLookedAt();
                IdInfo pid = outer.find(id.name);
                if (pid != null && (pid.kind == IdKind.CELL || pid.kind == IdKind.FREE)) {
                    if (found == null) {
                        found = new ArrayList<>();
                    }
                    found.add(pid);
                }
            }
        }
        if (found == null) {
            return List.of();
        }
        found.sort(Comparator.comparingInt(pid -> pid.position));
        return found;
    }

    // What the emitters see.

    public CompileWork work() {
        return work;
    }

    public ScopeKind kind() {
        return kind;
    }

    /** The name the function is known by: its own, or {@code <module>}, {@code <lambda>} ... */
    public String simpleName() {
        return simpleName;
    }

    public EmitOption emitOption() {
        return emitOption;
    }

    /** Where the emitter leaves the finished function. */
    public CodeHolder code() {
        return code;
    }

    /** The MP_SCOPE_FLAG_* bits. */
    public int flags() {
        return flags;
    }

    public void addFlags(int f) {
        flags |= f;
    }

    public int numPosArgs() {
        return numPosArgs;
    }

    public int numKwonlyArgs() {
        return numKwonlyArgs;
    }

    public int numDefPosArgs() {
        return numDefPosArgs;
    }

    public int numLocals() {
        return numLocals;
    }

    /** The deepest the value stack gets, as the passes so far found it. */
    public int stackSize() {
        return stackSize;
    }

    /** Records that the value stack reaches {@code depth}. */
    public void reachStackSize(int depth) {
        if (depth > stackSize) {
            stackSize = depth;
        }
    }

    /** How many exception handlers nest at most. */
    public int excStackSize() {
        return excStackSize;
    }

    /** The names, in the order they were first seen. */
    public List<IdInfo> ids() {
        return Collections.unmodifiableList(ids);
    }


    @Override
    public String toString() {
        return kind + " " + simpleName;
    }
}
