package freezer.core.compile;

import freezer.core.ErrorType;
import freezer.core.emit.EmitOption;
import freezer.core.emit.Emitter;
import freezer.core.emit.NativeTarget;
import freezer.core.emit.VType;
import freezer.core.lexer.TokenKind;
import freezer.core.parse.ParseNode;
import freezer.core.parse.ParseNodes;
import freezer.core.parse.Rule;
import freezer.core.parse.RuleNode;

/**
 * Everything that makes a new scope: functions, lambdas, classes, comprehensions, decorators;
 * and the bodies of scopes as each pass compiles them (compile.c compile_scope).
 */
final class FunctionCompiler {
    private final Compiler c;

    FunctionCompiler(Compiler c) {
        this.c = c;
    }

    /** The body of a scope, for the current pass. */
    void compileScopeBody(Scope scope) {
        Emitter emit = c.emit;
        switch (scope.kind) {
            case MODULE -> {
                c.compileNode(scope.node);
                emit.loadConstTok(TokenKind.KW_NONE);
                emit.returnValue();
            }
            case FUNCTION -> {
                RuleNode pns = (RuleNode) scope.node;
                // parameters are numbered first, before the body's names
                if (c.scopePass()) {
                    c.haveStar = false;
                    for (ParseNode p : ParseNodes.extractList(pns.arg(1), Rule.typedargslist)) {
                        scopeParam(p, Rule.typedargslist_name, Rule.typedargslist_star);
                    }
                    if (scope.emitOption == EmitOption.VIPER) {
                        // the return annotation is the viper return type
                        scope.flags |= viperTypeAnnotation(pns.arg(2)) << Scope.FLAG_VIPERRET_POS;
                    }
                }
                c.compileNode(pns.arg(3));
                emit.loadConstTok(TokenKind.KW_NONE);
                emit.returnValue();
            }
            case LAMBDA -> {
                RuleNode pns = (RuleNode) scope.node;
                emit.setSourceLine(pns.line());
                if (c.scopePass()) {
                    c.haveStar = false;
                    for (ParseNode p : ParseNodes.extractList(pns.arg(0), Rule.varargslist)) {
                        scopeParam(p, Rule.varargslist_name, Rule.varargslist_star);
                    }
                }
                c.compileNode(pns.arg(1));
                // a lambda that yields is a generator: it returns None, not its expression
                if ((scope.flags & Scope.FLAG_GENERATOR) != 0) {
                    emit.popTop();
                    emit.loadConstTok(TokenKind.KW_NONE);
                }
                emit.returnValue();
            }
            case CLASS -> classBody(scope);
            default -> comprehensionBody(scope);
        }
    }

    private void classBody(Scope scope) {
        Emitter emit = c.emit;
        RuleNode pns = (RuleNode) scope.node;
        if (c.scopePass()) {
            scope.findOrAdd("__class__", IdKind.LOCAL);
        }
        c.loadId("__name__");
        c.storeId("__module__");
        emit.loadConstStr(((ParseNode.Id) pns.arg(0)).name());
        c.storeId("__qualname__");
        c.compileNode(pns.arg(2));

        IdInfo id = scope.find("__class__");
        if (id.kind == IdKind.LOCAL) {
            emit.loadConstTok(TokenKind.KW_NONE);
        } else {
            // a method uses super() or __class__: return the cell
            emit.loadLocal("__class__", id.localNum, false);
        }
        emit.returnValue();
    }

    private void comprehensionBody(Scope scope) {
        Emitter emit = c.emit;
        RuleNode pns = (RuleNode) scope.node;
        RuleNode compFor = (RuleNode) pns.arg(1);
        // the iterator argument needs a name no user name can clash with: the empty qstr
        String arg = "";
        if (c.scopePass()) {
            c.scopeCur.findOrAdd(arg, IdKind.LOCAL);
            scope.numPosArgs = 1;
        }
        emit.setSourceLine(pns.line());
        switch (scope.kind) {
            case LIST_COMP -> emit.build(0, Emitter.Build.LIST);
            case DICT_COMP -> emit.build(0, Emitter.Build.MAP);
            case SET_COMP -> emit.build(0, Emitter.Build.SET);
            default -> {
            }
        }
        if (scope.kind == ScopeKind.GEN_EXPR) {
            // 4 iterator slots, the first NULL to say the second is the iterator object
            emit.loadNull();
            c.loadId(arg);
            emit.loadNull();
            emit.loadNull();
        } else {
            c.loadId(arg);
            emit.getIter(true);
        }
        comprehensionIter(compFor, pns.arg(0), 0);
        if (scope.kind == ScopeKind.GEN_EXPR) {
            emit.loadConstTok(TokenKind.KW_NONE);
        }
        emit.returnValue();
    }

    /** compile.c compile_scope_comp_iter: one for clause, its ifs, and what it nests. */
    private void comprehensionIter(RuleNode compFor, ParseNode innerExpr, int forDepth) {
        Emitter emit = c.emit;
        int top = c.nextLabel();
        int end = c.nextLabel();
        emit.labelAssign(top);
        emit.forIter(end);
        c.statements.assign(compFor.arg(0), AssignKind.STORE);
        ParseNode iter = compFor.arg(2);
        for (;;) {
            if (iter == null) {
                c.compileNode(innerExpr);
                if (c.scopeCur.kind == ScopeKind.GEN_EXPR) {
                    emit.yield(false);
                    c.reserveLabelsForNative(1);
                    emit.popTop();
                } else {
                    emit.storeComp(c.scopeCur.kind, 4 * forDepth + 5);
                }
                break;
            }
            RuleNode r = (RuleNode) iter;
            if (r.rule() == Rule.comp_if) {
                c.ifCond(r.arg(0), false, top);
                iter = r.arg(1);
            } else {
                c.compileNode(r.arg(1));
                emit.getIter(true);
                comprehensionIter(r, innerExpr, forDepth + 1);
                break;
            }
        }
        emit.jump(top);
        emit.labelAssign(end);
        emit.forIterEnd();
    }

    /** compile.c compile_scope_func_lambda_param: adds one parameter to the scope's names. */
    private void scopeParam(ParseNode pn, Rule nameRule, Rule starRule) {
        Scope scope = c.scopeCur;
        if ((scope.flags & Scope.FLAG_VARKEYWORDS) != 0) {
            // **kwargs must be last
            c.syntaxError(pn, "invalid syntax");
            return;
        }
        String name = null;
        int flag = IdInfo.FLAG_IS_PARAM;
        // the node whose second part is the annotation, if the parameter can have one
        RuleNode annotated = null;
        if (pn instanceof ParseNode.Id id) {
            name = id.name();
            countParam(scope);
        } else {
            RuleNode pns = (RuleNode) pn;
            if (pns.rule() == nameRule) {
                name = ((ParseNode.Id) pns.arg(0)).name();
                annotated = pns;
                countParam(scope);
            } else if (pns.rule() == starRule) {
                if (c.haveStar) {
                    c.syntaxError(pn, "invalid syntax");
                    return;
                }
                c.haveStar = true;
                flag = IdInfo.FLAG_IS_PARAM | IdInfo.FLAG_IS_STAR_PARAM;
                ParseNode star = pns.arg(0);
                if (star instanceof ParseNode.Id id) {
                    scope.flags |= Scope.FLAG_VARARGS;
                    name = id.name();
                } else if (star instanceof RuleNode tfpdef) {
                    scope.flags |= Scope.FLAG_VARARGS;
                    name = ((ParseNode.Id) tfpdef.arg(0)).name();
                    annotated = tfpdef;
                }
            } else {
                name = ((ParseNode.Id) pns.arg(0)).name();
                annotated = pns;
                flag = IdInfo.FLAG_IS_PARAM | IdInfo.FLAG_IS_DBL_STAR_PARAM;
                scope.flags |= Scope.FLAG_VARKEYWORDS;
            }
        }
        if (name != null) {
            IdInfo id = scope.findOrAdd(name, IdKind.UNDECIDED);
            if (id.kind != IdKind.UNDECIDED) {
                c.syntaxError(pn, "argument name reused");
                return;
            }
            id.kind = IdKind.LOCAL;
            id.flags = flag;
            // a viper function's parameter types (functions only: lambdas have no annotations)
            if (scope.emitOption == EmitOption.VIPER && nameRule == Rule.typedargslist_name && annotated != null) {
                id.flags |= viperTypeAnnotation(annotated.arg(1)) << IdInfo.FLAG_VIPER_TYPE_POS;
            }
        }
    }

    /**
     * compile.c compile_viper_type_annotation: object when absent; an unknown name is a
     * ViperTypeError (which replaces any error before it), anything but a name a SyntaxError.
     */
    int viperTypeAnnotation(ParseNode annotation) {
        if (annotation == null) {
            return 0;
        }
        if (annotation instanceof ParseNode.Id id) {
            int type = VType.nativeTypeOf(id.name());
            if (type < 0) {
                c.errorSlot.set(ErrorType.ViperTypeError, "unknown type '" + id.name() + "'");
                return 0;
            }
            return type;
        }
        c.syntaxError(annotation, "annotation must be an identifier");
        return 0;
    }

    private void countParam(Scope scope) {
        if (c.haveStar) {
            scope.numKwonlyArgs++;
        } else {
            scope.numPosArgs++;
        }
    }

    // Making functions.

    void funcdef(RuleNode pns) {
        String name = funcdefHelper(pns, c.scopeCur.emitOption);
        c.storeId(name);
    }

    /** Leaves the function object on the stack and returns its name. */
    String funcdefHelper(RuleNode pns, EmitOption emitOption) {
        if (c.scopePass()) {
            pns.setScope(c.newScope(ScopeKind.FUNCTION, pns, emitOption));
        }
        Scope fscope = (Scope) pns.scope();
        funcdefLambdef(fscope, pns.arg(1), Rule.typedargslist);
        return fscope.simpleName;
    }

    void lambdef(RuleNode pns) {
        if (c.scopePass()) {
            pns.setScope(c.newScope(ScopeKind.LAMBDA, pns, c.scopeCur.emitOption));
        }
        funcdefLambdef((Scope) pns.scope(), pns.arg(0), Rule.varargslist);
    }

    /** Compiles the default arguments, then makes the function or closure. */
    private void funcdefLambdef(Scope scope, ParseNode params, Rule listRule) {
        // a default value may itself hold a lambda, which comes back here: save our state
        boolean origHaveStar = c.haveStar;
        int origNumDictParams = c.numDictParams;
        int origNumDefaultParams = c.numDefaultParams;

        c.haveStar = false;
        c.numDictParams = 0;
        c.numDefaultParams = 0;
        for (ParseNode p : ParseNodes.extractList(params, listRule)) {
            defaultParam(p);
        }
        if (c.hasError()) {
            return;
        }
        if (c.numDefaultParams > 0 && c.numDictParams == 0) {
            c.emit.build(c.numDefaultParams, Emitter.Build.TUPLE);
            // no keyword defaults
            c.emit.loadNull();
        }
        closeOverVariables(scope, c.numDefaultParams, c.numDictParams);

        c.haveStar = origHaveStar;
        c.numDictParams = origNumDictParams;
        c.numDefaultParams = origNumDefaultParams;
    }

    /** compile.c compile_funcdef_lambdef_param: one parameter's default value, if any. */
    private void defaultParam(ParseNode pn) {
        Rule kind = pn instanceof RuleNode r ? r.rule() : null;
        if (kind == Rule.typedargslist_star || kind == Rule.varargslist_star) {
            c.haveStar = true;
            return;
        }
        if (kind == Rule.typedargslist_dbl_star || kind == Rule.varargslist_dbl_star) {
            return;
        }
        ParseNode pnId;
        ParseNode pnEqual;
        if (kind == null) {
            pnId = pn;
            pnEqual = null;
        } else if (kind == Rule.typedargslist_name) {
            RuleNode r = (RuleNode) pn;
            pnId = r.arg(0);
            pnEqual = r.arg(2);
        } else {
            RuleNode r = (RuleNode) pn;
            pnId = r.arg(0);
            pnEqual = r.arg(1);
        }
        if (pnEqual == null) {
            if (!c.haveStar && c.numDefaultParams != 0) {
                c.syntaxError(pn, "non-default argument follows default argument");
            }
            return;
        }
        if (c.haveStar) {
            c.numDictParams++;
            if (c.numDictParams == 1) {
                // the positional defaults go in a tuple before the keyword-default map starts
                if (c.numDefaultParams > 0) {
                    c.emit.build(c.numDefaultParams, Emitter.Build.TUPLE);
                } else {
                    c.emit.loadNull();
                }
                c.emit.build(0, Emitter.Build.MAP);
            }
            c.compileNode(pnEqual);
            c.emit.loadConstStr(((ParseNode.Id) pnId).name());
            c.emit.storeMap();
        } else {
            c.numDefaultParams++;
            c.compileNode(pnEqual);
        }
    }

    /**
     * compile.c close_over_variables_etc: loads the cells the new scope closes over (in the
     * order this scope defines them) and makes the function or closure.
     */
    void closeOverVariables(Scope scope, int nPosDefaults, int nKwDefaults) {
        if (nKwDefaults > 0) {
            scope.flags |= Scope.FLAG_DEFKWARGS;
        }
        scope.numDefPosArgs = nPosDefaults;
        // the function takes a reference to the globals (only the native emitter asks)
        c.scopeCur.flags |= Scope.FLAG_REFGLOBALS | Scope.FLAG_HASCONSTS;

        int nFree = 0;
        Scope cur = c.scopeCur;
        if (cur.kind != ScopeKind.MODULE) {
            // MicroPython loads closed-over cells with LOAD_FAST
            for (IdInfo id : scope.closedOverIn(cur)) {
                c.emit.loadLocal(id.name, id.localNum, false);
                nFree++;
            }
        }
        if (nFree == 0) {
            c.emit.makeFunction(scope, nPosDefaults, nKwDefaults);
        } else {
            c.emit.makeClosure(scope, nFree, nPosDefaults, nKwDefaults);
        }
    }

    // Classes.

    void classdef(RuleNode pns) {
        String name = classdefHelper(pns, c.scopeCur.emitOption);
        c.storeId(name);
    }

    /** Leaves the class object on the stack and returns its name. */
    String classdefHelper(RuleNode pns, EmitOption emitOption) {
        if (c.scopePass()) {
            pns.setScope(c.newScope(ScopeKind.CLASS, pns, emitOption));
        }
        c.emit.loadBuildClass();
        Scope cscope = (Scope) pns.scope();
        closeOverVariables(cscope, 0, 0);
        c.emit.loadConstStr(cscope.simpleName);
        // "class C():" leaves an empty classdef_2 node
        ParseNode parents = pns.arg(1);
        if (ParseNodes.isRule(parents, Rule.classdef_2)) {
            parents = null;
        }
        c.expressions.trailerParenHelper(parents, false, 2);
        return cscope.simpleName;
    }

    // Decorators.

    void decorated(RuleNode pns) {
        ParseNode[] decorators = ParseNodes.extractList(pns.arg(0), Rule.decorators);
        EmitOption emitOption = c.scopeCur.emitOption;
        int builtIns = 0;
        for (ParseNode d : decorators) {
            RuleNode decorator = (RuleNode) d;
            ParseNode[] nameNodes = ParseNodes.extractList(decorator.arg(0), Rule.dotted_name);
            boolean hadError = c.hasError();
            EmitOption builtIn = builtInDecorator(nameNodes, emitOption);
            if (!hadError && c.hasError()) {
                // the error is about this decorator: point there, whatever line mpy-cross names
                c.placeError(decorator);
            }
            if (builtIn != null) {
                emitOption = builtIn;
                builtIns++;
            } else {
                c.compileNode(nameNodes[0]);
                for (int j = 1; j < nameNodes.length; j++) {
                    c.emit.attr(((ParseNode.Id) nameNodes[j]).name(), Emitter.Access.LOAD);
                }
                if (decorator.arg(1) != null) {
                    c.compileNode(decorator.arg(1));
                }
            }
        }

        RuleNode body = (RuleNode) pns.arg(1);
        String bodyName;
        if (body.rule() == Rule.funcdef) {
            bodyName = funcdefHelper(body, emitOption);
        } else if (body.rule() == Rule.async_funcdef) {
            RuleNode def = (RuleNode) body.arg(0);
            bodyName = funcdefHelper(def, emitOption);
            ((Scope) def.scope()).flags |= Scope.FLAG_GENERATOR;
        } else {
            bodyName = classdefHelper(body, emitOption);
        }

        for (int i = 0; i < decorators.length - builtIns; i++) {
            c.emit.callFunction(1, 0, 0);
        }
        c.storeId(bodyName);
    }

    /**
     * compile.c compile_built_in_decorator: {@code @micropython.X} chooses the emitter.
     *
     * @return the emitter it chooses (the current one after an error), or null when this is an
     *     ordinary decorator
     */
    private EmitOption builtInDecorator(ParseNode[] nameNodes, EmitOption current) {
        if (!(nameNodes[0] instanceof ParseNode.Id base) || !base.name().equals("micropython")) {
            return null;
        }
        if (nameNodes.length != 2) {
            c.syntaxError(nameNodes[0], "invalid micropython decorator");
            return current;
        }
        String attr = ((ParseNode.Id) nameNodes[1]).name();
        EmitOption chosen;
        switch (attr) {
            case "bytecode" -> chosen = EmitOption.BYTECODE;
            case "native" -> chosen = EmitOption.NATIVE_PYTHON;
            case "viper" -> chosen = EmitOption.VIPER;
            case "asm_thumb", "asm_xtensa", "asm_rv32" -> chosen = EmitOption.ASM;
            default -> {
                c.syntaxError(nameNodes[1], "invalid micropython decorator");
                return current;
            }
        }
        if (chosen != EmitOption.BYTECODE && !archSupports(chosen)) {
            c.syntaxError(nameNodes[1], "invalid arch");
        }
        return chosen;
    }

    /** Whether mpy-cross has an emitter of this kind for the -march target (compile.c's emitter tables). */
    private boolean archSupports(EmitOption option) {
        NativeTarget target = NativeTarget.of(c.options.arch());
        if (target == null) {
            return false;
        }
        return option == EmitOption.ASM ? target.hasInlineAssembler() : target.hasNativeEmitter();
    }

    // Comprehensions.

    /** compile.c compile_comprehension: makes the comprehension's function and calls it. */
    void comprehension(RuleNode pns, ScopeKind kind) {
        RuleNode compFor = (RuleNode) pns.arg(1);
        if (c.scopePass()) {
            compFor.setScope(c.newScope(kind, pns, c.scopeCur.emitOption));
        }
        Scope scope = (Scope) compFor.scope();
        closeOverVariables(scope, 0, 0);
        c.compileNode(compFor.arg(1));
        if (kind == ScopeKind.GEN_EXPR) {
            c.emit.getIter(false);
        }
        c.emit.callFunction(1, 0, 0);
    }
}
