package freezer.core.compile;

import freezer.core.ErrorType;
import freezer.core.emit.InlineAssembler;
import freezer.core.emit.Pass;
import freezer.core.mpy.AsmFunction;
import freezer.core.parse.ParseNode;
import freezer.core.parse.ParseNodes;
import freezer.core.parse.Rule;
import freezer.core.parse.RuleNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The body of an inline-assembler function (compile.c compile_scope_inline_asm): every
 * statement must be a call, {@code op(args...)}; {@code label}, {@code align} and {@code data}
 * are handled here, every other name goes to the target's {@link InlineAssembler}. The scope
 * pass only checks the shape of the function and numbers its labels; CODE_SIZE and EMIT passes
 * assemble it.
 */
final class InlineAsmCompiler {
    // runtime0.h MP_NATIVE_TYPE_*: what an asm function's return annotation may say
    private static final int TYPE_OBJ = 0;
    private static final int TYPE_BOOL = 1;
    private static final int TYPE_INT = 2;
    private static final int TYPE_UINT = 3;

    private final Compiler c;
    /** Null in the scope pass, which assembles nothing. */
    private final InlineAssembler asm;

    /**
     * An align that moved the position back (align(0) does, by upstream's arithmetic), and how
     * far code had been written before it.
     */
    private record Rewind(ParseNode node, int written) {
    }

    private final List<Rewind> rewinds = new ArrayList<>();
    /** The end of the furthest bytes written in this pass (alignment padding is not written). */
    private int written;
    /** The align of the last sizing pass after which the code ends before where it had reached. */
    private ParseNode rewoundPastEnd;

    InlineAsmCompiler(Compiler c, InlineAssembler asm) {
        this.c = c;
        this.asm = asm;
    }

    /** The passes after the scope pass: CODE_SIZE (as often as the assembler asks), then EMIT. */
    void compile(Scope s) {
        for (int i = 0; i < asm.codeSizePasses(); i++) {
            compileScope(s, Pass.CODE_SIZE);
        }
        if (!c.hasError() && rewoundPastEnd != null) {
            // mpy-cross writes past the code it counted once the EMIT pass reaches this align
            c.setError(ErrorType.NotImplementedError, "align moving the code position back over instructions"
                    + " (mpy-cross fails an assertion on it)", rewoundPastEnd);
            c.forceErrorLine(rewoundPastEnd);
        }
        if (!c.hasError()) {
            compileScope(s, Pass.EMIT);
        }
    }

    void compileScope(Scope scope, Pass pass) {
        c.pass = pass;
        c.scopeCur = scope;
        c.nextLabel = 0;

        if (scope.kind != ScopeKind.FUNCTION) {
            c.syntaxError(null, "inline assembler must be a function");
            return;
        }
        if (pass != Pass.SCOPE) {
            asm.startPass(pass, c.errorSlot);
        }
        rewinds.clear();
        written = pass == Pass.SCOPE ? 0 : asm.asm().codeOffset();
        RuleNode pns = (RuleNode) scope.node;

        if (pass == Pass.CODE_SIZE) {
            List<ParseNode> params = Arrays.asList(ParseNodes.extractList(pns.arg(1), Rule.typedargslist));
            scope.numPosArgs = asm.countParams(params);
            if (c.hasError()) {
                c.forceErrorLine(pns);
                return;
            }
        }

        int typeSig = TYPE_INT;
        ParseNode annotation = pns.arg(2);
        if (annotation != null) {
            if (annotation instanceof ParseNode.Id id) {
                switch (id.name()) {
                    case "object" -> typeSig = TYPE_OBJ;
                    case "bool" -> typeSig = TYPE_BOOL;
                    case "int" -> typeSig = TYPE_INT;
                    case "uint" -> typeSig = TYPE_UINT;
                    default -> {
                        c.syntaxError(annotation, "unknown type");
                        return;
                    }
                }
            } else {
                c.syntaxError(annotation, "return annotation must be an identifier");
            }
        }

        for (ParseNode node : ParseNodes.extractList(pns.arg(3), Rule.suite_block_stmts)) {
            if (ParseNodes.isRule(node, Rule.pass_stmt)) {
                continue;
            }
            RuleNode call = instruction(node);
            if (call == null) {
                c.syntaxError(node, "expecting an assembler instruction");
                return;
            }
            String op = ((ParseNode.Id) call.arg(0)).name();
            RuleNode paren = (RuleNode) call.arg(1);
            ParseNode[] args = ParseNodes.extractList(paren.arg(0), Rule.arglist);
            c.atNode(paren);
            if (!directive(pass, node, op, args)) {
                return;
            }
            if (c.hasError()) {
                // the instruction's line (its parenthesis), whatever line the error had
                c.forceErrorLine(paren);
                return;
            }
        }

        if (pass != Pass.SCOPE) {
            asm.endPass(typeSig);
            if (pass == Pass.CODE_SIZE) {
                rewoundPastEnd = firstRewindPast(asm.asm().codeOffset());
            }
            if (pass == Pass.EMIT && !c.hasError()) {
                byte[] code = asm.asm().code();
                int nArgs = scope.numPosArgs;
                long sig = typeSig;
                scope.code.assign(List.of(), done -> new AsmFunction(code, 0, nArgs, sig, done));
            }
        }
        if (c.hasError()) {
            c.forceErrorLine(pns);
        }
    }

    /**
     * The first align that moved back from further than the function ends: emitting writes up
     * to there again, past the size counted, where mpy-cross's assertion fails.
     */
    private ParseNode firstRewindPast(int end) {
        for (Rewind r : rewinds) {
            if (r.written() > end) {
                return r.node();
            }
        }
        return null;
    }

    /** The {@code name(args)} call a statement must be, or null. */
    private static RuleNode instruction(ParseNode node) {
        if (!(node instanceof RuleNode stmt) || stmt.rule() != Rule.expr_stmt || stmt.arg(1) != null) {
            return null;
        }
        if (!(stmt.arg(0) instanceof RuleNode call) || call.rule() != Rule.atom_expr_normal) {
            return null;
        }
        if (!(call.arg(0) instanceof ParseNode.Id) || !ParseNodes.isRule(call.arg(1), Rule.trailer_paren)) {
            return null;
        }
        return call;
    }

    /**
     * label, align and data, or an instruction for the assembler; false after a syntax error
     * that ends the function.
     */
    private boolean directive(Pass pass, ParseNode node, String op, ParseNode[] args) {
        boolean assembling = pass != Pass.SCOPE;
        switch (op) {
            case "label" -> {
                if (!(args.length == 1 && args[0] instanceof ParseNode.Id label)) {
                    c.syntaxError(node, "'label' requires 1 argument");
                    return false;
                }
                int lab = c.nextLabel();
                if (assembling && !asm.label(lab, label.name())) {
                    c.syntaxError(node, "label redefined");
                    return false;
                }
            }
            case "align" -> {
                if (!(args.length == 1 && args[0] instanceof ParseNode.SmallInt n)) {
                    c.syntaxError(node, "'align' requires 1 argument");
                    return false;
                }
                if (assembling) {
                    int before = asm.asm().codeOffset();
                    asm.asm().align((int) n.value());
                    if (asm.asm().codeOffset() < before) {
                        rewinds.add(new Rewind(node, written));
                    }
                }
            }
            case "data" -> {
                if (!(args.length >= 2 && args[0] instanceof ParseNode.SmallInt size)) {
                    c.syntaxError(node, "'data' requires at least 2 arguments");
                    return false;
                }
                if (assembling) {
                    for (int j = 1; j < args.length; j++) {
                        Long value = ParseNodes.intValueMaybe(args[j]);
                        if (value == null) {
                            c.syntaxError(node, "'data' requires integer arguments");
                            return false;
                        }
                        asm.asm().data((int) size.value(), value);
                        written = Math.max(written, asm.asm().codeOffset());
                    }
                }
            }
            default -> {
                if (assembling) {
                    c.atNode(node);
                    asm.op(op, Arrays.asList(args));
                    written = Math.max(written, asm.asm().codeOffset());
                }
            }
        }
        return true;
    }
}
