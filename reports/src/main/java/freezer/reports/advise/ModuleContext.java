package freezer.reports.advise;

/** What every analysis of one module reads: the module, its names, its text, the others' uses, the target. */
record ModuleContext(AnalysedModule module, ModuleNames names, Extents extents, OutsideUses outside,
        HeapCosts costs) {

    static ModuleContext of(AnalysedModule m, OutsideUses outside, HeapCosts costs) {
        return new ModuleContext(m, new ModuleNames(m.names().occurrences()), new Extents(m.text(), m.tokens()),
                outside, costs);
    }

    String moduleName() {
        return module.source().module();
    }

    String file() {
        return module.file();
    }

    /** Whether the module can reach its names by string, so no advice about renaming or rebinding holds. */
    boolean namesAreDynamic() {
        return module.names().starImport() || module.names().dynamic();
    }
}
