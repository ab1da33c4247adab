package freezer.reports.advise;

import freezer.core.CompileError;
import freezer.core.DeepStack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MicroPython's optimisation guide (docs/develop/optimizations.rst and
 * docs/reference/constrained.rst at v1.28.0), made executable: for each module, what importing
 * it costs in RAM and which edits would cost less. Every suggested edit is made and compiled
 * before it is reported: an edit the compiler rejects is dropped (and counted, which tests
 * check stays at zero), and the change in the compiled size is measured, not guessed.
 */
public final class Advisor {
    private final Firmware firmware;
    private final HeapCosts costs;
    private int dropped;

    public Advisor(Firmware firmware) {
        this.firmware = firmware;
        this.costs = new HeapCosts(firmware);
    }

    /** A module the compiler rejects: it gets no advice. */
    public record Rejected(ModuleSource source, CompileError error) {
    }

    /** The advice, and the modules that could not be read. */
    public record Result(Advice advice, List<Rejected> rejected, int droppedEdits) {
    }

    public Result advise(List<ModuleSource> sources) {
        return DeepStack.call(() -> run(sources));
    }

    private Result run(List<ModuleSource> sources) {
        List<AnalysedModule> modules = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (ModuleSource s : sources) {
            try {
                modules.add(AnalysedModule.read(s));
            } catch (CompileError e) {
                rejected.add(new Rejected(s, e));
            }
        }
        OutsideUses outside = new OutsideUses(modules);
        List<ModuleAdvice> out = new ArrayList<>();
        for (AnalysedModule m : modules) {
            out.add(adviseOne(ModuleContext.of(m, outside, costs)));
        }
        return new Result(new Advice(firmware, out), rejected, dropped);
    }

    private ModuleAdvice adviseOne(ModuleContext c) {
        AnalysedModule m = c.module();
        List<GlobalName> names = GlobalNames.of(m);
        int entries = GlobalNames.entries(m, names.size());
        int slots = HeapCosts.moduleTableSlots(entries);
        List<Finding> findings = new ArrayList<>();
        findings.addAll(ConstAdvice.find(c));
        findings.addAll(LiteralAdvice.find(c));
        findings.addAll(LoopGlobalAdvice.find(c));
        List<Finding> checked = new ArrayList<>();
        Set<String> constants = new HashSet<>();
        for (Finding f : findings) {
            if (f.kind() == FindingKind.CONST) {
                constants.add(f.name());
            }
        }
        for (Finding f : findings) {
            if (f.kind() == FindingKind.LOOP_GLOBAL && constants.contains(f.name())) {
                // const() is the better fix: no lookup at all, and no alias
                continue;
            }
            Finding v = verify(m, f);
            if (v != null) {
                checked.add(v);
            }
        }
        checked.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column)
                .thenComparing(f -> f.kind().ordinal()));
        List<String> notes = new ArrayList<>();
        if (m.names().starImport()) {
            notes.add("a star import binds names not known here: no const, literal or loop advice for this module");
        } else if (m.names().dynamic()) {
            notes.add("globals(), locals(), vars(), exec() or eval() can reach any name: no const, literal or loop"
                    + " advice for this module");
        }
        return new ModuleAdvice(m.file(), m.source().module(), names, entries, slots, costs.moduleObjects(),
                costs.mapTable(slots), ImportObjects.of(m, costs), ModuleQstrs.of(m, firmware), checked, notes);
    }

    /**
     * Makes the edit and compiles the result: the compiled size's change is the finding's
     * {@code mpyBytes}, measured rather than guessed (it may be negative: a tuple constant can
     * take more bytes than the code that built the list, an alias more than the lookups it
     * replaces). An edit the compiler rejects is a bug here; it is dropped and counted.
     */
    private Finding verify(AnalysedModule m, Finding f) {
        int size;
        try {
            size = AnalysedModule.mpySize(f.edit().apply(m.source().bytes()), m.source());
        } catch (CompileError e) {
            dropped++;
            return null;
        }
        int saved = m.mpySize() - size;
        return f.withMpyBytes(saved);
    }
}
