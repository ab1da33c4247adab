package freezer.image.manifest;

import freezer.core.parse.Rule;
import java.util.Set;

/** Words for the Python that manifests cannot use in freezer, so its errors say what was met. */
final class Unsupported {
    /** Python built-ins a manifest might reach for; freezer evaluates none of them. */
    private static final Set<String> PYTHON_BUILTINS = Set.of("print", "len", "str", "int", "bool", "list", "tuple",
            "dict", "set", "range", "open", "exec", "eval", "compile", "__import__", "getattr", "setattr", "hasattr",
            "globals", "locals", "vars", "sorted", "reversed", "enumerate", "zip", "map", "filter", "min", "max",
            "sum", "any", "all", "abs", "isinstance", "type", "repr", "input", "exit", "quit", "format", "iter",
            "next", "hex", "oct", "bin", "ord", "chr", "float", "bytes", "id", "hash", "callable");

    private Unsupported() {
    }

    static boolean isPythonBuiltin(String name) {
        return PYTHON_BUILTINS.contains(name);
    }

    /** What a rule is, in Python's words ("a while loop"). */
    static String describe(Rule rule) {
        return switch (rule) {
            case while_stmt -> "a while loop";
            case funcdef, async_funcdef, decorated -> "a function definition";
            case classdef -> "a class definition";
            case try_stmt -> "a try statement";
            case with_stmt -> "a with statement";
            case del_stmt -> "a del statement";
            case global_stmt, nonlocal_stmt -> "a global or nonlocal declaration";
            case assert_stmt -> "an assert statement";
            case return_stmt -> "a return statement";
            case raise_stmt -> "a raise statement";
            case yield_stmt, yield_expr -> "yield";
            case import_from -> "'from ... import'";
            case async_stmt, atom_expr_await -> "async code";
            case lambdef, lambdef_nocond -> "a lambda";
            case atom_brace, dictorsetmaker -> "a dict or set";
            case power -> "'**'";
            case shift_expr -> "a shift";
            case expr, xor_expr, and_expr -> "a bitwise operator";
            case namedexpr_test -> "':='";
            case star_expr -> "a starred expression";
            default -> "'" + rule.name() + "'";
        };
    }
}
