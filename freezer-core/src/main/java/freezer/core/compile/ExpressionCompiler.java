package freezer.core.compile;

import freezer.core.bytecode.BinaryOp;
import freezer.core.bytecode.UnaryOp;
import freezer.core.emit.Emitter;
import freezer.core.lexer.TokenKind;
import freezer.core.parse.ParseNode;
import freezer.core.parse.ParseNodes;
import freezer.core.parse.Rule;
import freezer.core.parse.RuleNode;

/** Expressions: operators, calls, subscripts, displays, yield and await. */
final class ExpressionCompiler {
    private static final int STAR_FLAG_SINGLE = 0x01;
    private static final int STAR_FLAG_DOUBLE = 0x02;

    private final Compiler c;

    ExpressionCompiler(Compiler c) {
        this.c = c;
    }

    void genericTuple(RuleNode pns) {
        for (int i = 0; i < pns.size(); i++) {
            c.compileNode(pns.arg(i));
        }
        c.emit.build(pns.size(), Emitter.Build.TUPLE);
    }

    void testIfExpr(RuleNode pns) {
        Emitter emit = c.emit;
        RuleNode ifElse = (RuleNode) pns.arg(1);
        int fail = c.nextLabel();
        int end = c.nextLabel();
        c.ifCond(ifElse.arg(0), false, fail);
        c.compileNode(pns.arg(0));
        emit.jump(end);
        emit.labelAssign(fail);
        // only one of the two values is ever on the stack
        emit.adjustStackSize(-1);
        c.compileNode(ifElse.arg(1));
        emit.labelAssign(end);
    }

    void namedExpr(RuleNode pns) {
        namedExprHelper(pns.arg(0), pns.arg(1));
    }

    private void namedExprHelper(ParseNode name, ParseNode value) {
        if (!(name instanceof ParseNode.Id)) {
            c.syntaxError(name, "can't assign to expression");
        }
        c.compileNode(value);
        c.emit.dupTop();
        // upstream reads the identifier's qstr whatever the node is
        String target = name instanceof ParseNode.Id id ? id.name() : "";

        // := in a comprehension binds in the enclosing scope, honouring its global/nonlocal
        if (c.scopePass() && c.scopeCur.kind.isComprehensionLike()) {
            Scope parent = c.scopeCur.parent;
            IdInfo inParent = parent.idForModification(target);
            if (inParent.kind == IdKind.GLOBAL_EXPLICIT) {
                c.scopeCur.findOrAdd(target, IdKind.GLOBAL_EXPLICIT);
            } else {
                IdInfo id = c.scopeCur.findOrAdd(target, IdKind.UNDECIDED);
                boolean isGlobal = parent.parent == null;
                if (!isGlobal && id.kind == IdKind.GLOBAL_IMPLICIT) {
                    // read before, but must be closed over now
                    id.kind = IdKind.UNDECIDED;
                }
                c.statements.declareGlobalOrNonlocal(name, id, isGlobal);
            }
        }
        c.storeId(target);
    }

    void orAndTest(RuleNode pns) {
        boolean cond = pns.rule() == Rule.or_test;
        int end = c.nextLabel();
        int n = pns.size();
        for (int i = 0; i < n; i++) {
            c.compileNode(pns.arg(i));
            if (i + 1 < n) {
                c.emit.jumpIfOrPop(cond, end);
            }
        }
        c.emit.labelAssign(end);
    }

    void notTest(RuleNode pns) {
        c.compileNode(pns.arg(0));
        c.emit.unaryOp(UnaryOp.NOT);
    }

    void comparison(RuleNode pns) {
        Emitter emit = c.emit;
        int n = pns.size();
        c.compileNode(pns.arg(0));
        boolean multi = n > 3;
        int fail = multi ? c.nextLabel() : 0;
        for (int i = 1; i + 1 < n; i += 2) {
            c.compileNode(pns.arg(i + 1));
            if (i + 2 < n) {
                emit.dupTop();
                emit.rotThree();
            }
            ParseNode op = pns.arg(i);
            if (op instanceof ParseNode.Tok t) {
                if (t.kind() == TokenKind.KW_IN) {
                    emit.binaryOp(BinaryOp.IN);
                } else {
                    emit.binaryOp(BinaryOp.at(BinaryOp.LESS.ordinal() + t.kind().ordinal()
                            - TokenKind.OP_LESS.ordinal()));
                }
            } else {
                RuleNode r = (RuleNode) op;
                if (r.rule() == Rule.comp_op_not_in) {
                    emit.binaryOpInverted(BinaryOp.IN);
                } else if (r.arg(0) == null) {
                    emit.binaryOp(BinaryOp.IS);
                } else {
                    emit.binaryOpInverted(BinaryOp.IS);
                }
            }
            if (i + 2 < n) {
                emit.jumpIfOrPop(false, fail);
            }
        }
        if (multi) {
            int end = c.nextLabel();
            emit.jump(end);
            emit.labelAssign(fail);
            emit.adjustStackSize(1);
            emit.rotTwo();
            emit.popTop();
            emit.labelAssign(end);
        }
    }

    void starExpr(RuleNode pns) {
        c.syntaxError(pns, "*x must be assignment target");
    }

    void binaryOp(RuleNode pns) {
        BinaryOp op = switch (pns.rule()) {
            case expr -> BinaryOp.OR;
            case xor_expr -> BinaryOp.XOR;
            default -> BinaryOp.AND;
        };
        c.compileNode(pns.arg(0));
        for (int i = 1; i < pns.size(); i++) {
            c.compileNode(pns.arg(i));
            c.emit.binaryOp(op);
        }
    }

    /** Shift, arithmetic and term rules: operands and operator tokens alternate. */
    void term(RuleNode pns) {
        c.compileNode(pns.arg(0));
        for (int i = 1; i + 1 < pns.size(); i += 2) {
            c.compileNode(pns.arg(i + 1));
            TokenKind tok = ((ParseNode.Tok) pns.arg(i)).kind();
            c.emit.binaryOp(BinaryOp.at(BinaryOp.LSHIFT.ordinal() + tok.ordinal()
                    - TokenKind.OP_DBL_LESS.ordinal()));
        }
    }

    void factor(RuleNode pns) {
        c.compileNode(pns.arg(1));
        TokenKind tok = ((ParseNode.Tok) pns.arg(0)).kind();
        UnaryOp op = switch (tok) {
            case OP_TILDE -> UnaryOp.INVERT;
            case OP_PLUS -> UnaryOp.POSITIVE;
            default -> UnaryOp.NEGATIVE;
        };
        c.emit.unaryOp(op);
    }

    void power(RuleNode pns) {
        c.compileGenericAllNodes(pns);
        c.emit.binaryOp(BinaryOp.POWER);
    }

    void atomExprAwait(RuleNode pns) {
        if (c.scopeCur.kind != ScopeKind.FUNCTION && c.scopeCur.kind != ScopeKind.LAMBDA) {
            c.syntaxError(pns, "'await' outside function");
            return;
        }
        atomExprNormal(pns);
        yieldFrom();
    }

    void yieldFrom() {
        c.emit.getIter(false);
        c.emit.loadConstTok(TokenKind.KW_NONE);
        c.emit.yield(true);
        c.reserveLabelsForNative(3);
    }

    void atomExprNormal(RuleNode pns) {
        Emitter emit = c.emit;
        c.compileNode(pns.arg(0));
        // await's node may have no trailers
        if (pns.arg(1) == null) {
            return;
        }
        RuleNode[] trailers;
        RuleNode first = (RuleNode) pns.arg(1);
        if (first.rule() == Rule.atom_expr_trailers) {
            trailers = new RuleNode[first.size()];
            for (int i = 0; i < trailers.length; i++) {
                trailers[i] = (RuleNode) first.arg(i);
            }
        } else {
            trailers = new RuleNode[] {first};
        }

        int i = 0;
        if (c.scopeCur.kind == ScopeKind.FUNCTION && pns.arg(0) instanceof ParseNode.Id id
                && id.name().equals("super") && trailers[0].rule() == Rule.trailer_paren
                && trailers[0].arg(0) == null) {
            // super() in a function: pass __class__ and the first parameter, whatever its name
            c.loadId("__class__");
            IdInfo self = null;
            for (IdInfo info : c.scopeCur.ids) {
                if (info.isParam()) {
                    self = info;
                    break;
                }
            }
            if (self == null) {
                c.syntaxError(trailers[0], "super() can't find self");
                return;
            }
            c.loadId(self.name);
            if (trailers.length >= 3 && trailers[1].rule() == Rule.trailer_period
                    && trailers[2].rule() == Rule.trailer_paren) {
                // super().f(...) calls the method without making a bound super object
                emit.loadMethod(((ParseNode.Id) trailers[1].arg(0)).name(), true);
                trailerParenHelper(trailers[2].arg(0), true, 0);
                i = 3;
            } else {
                emit.callFunction(2, 0, 0);
                i = 1;
            }
        }

        for (; i < trailers.length; i++) {
            if (i + 1 < trailers.length && trailers[i].rule() == Rule.trailer_period
                    && trailers[i + 1].rule() == Rule.trailer_paren) {
                // a.f(...) as a method call
                emit.loadMethod(((ParseNode.Id) trailers[i].arg(0)).name(), false);
                trailerParenHelper(trailers[i + 1].arg(0), true, 0);
                i++;
            } else {
                c.compileNode(trailers[i]);
            }
        }
    }

    /**
     * compile.c compile_trailer_paren_helper: the arguments of a call (the callable is on the
     * stack), then the call.
     */
    void trailerParenHelper(ParseNode argList, boolean isMethodCall, int nPositionalExtra) {
        Emitter emit = c.emit;
        ParseNode[] args = ParseNodes.extractList(argList, Rule.arglist);
        int nPositional = nPositionalExtra;
        int nKeyword = 0;
        int starFlags = 0;
        long starArgs = 0;
        for (int i = 0; i < args.length; i++) {
            ParseNode arg = args[i];
            Rule kind = arg instanceof RuleNode r ? r.rule() : null;
            if (kind == Rule.arglist_star) {
                if ((starFlags & STAR_FLAG_DOUBLE) != 0) {
                    c.syntaxError(arg, "* arg after **");
                    return;
                }
                // the positions of *args travel as a bit map in a small int
                if (i >= c.options.smallIntBits() - 1) {
                    c.syntaxError(arg, "too many args");
                    return;
                }
                starFlags |= STAR_FLAG_SINGLE;
                starArgs |= 1L << i;
                c.compileNode(((RuleNode) arg).arg(0));
                nPositional++;
            } else if (kind == Rule.arglist_dbl_star) {
                starFlags |= STAR_FLAG_DOUBLE;
                // **kwargs are a keyword argument with a NULL key
                emit.loadNull();
                c.compileNode(((RuleNode) arg).arg(0));
                nKeyword++;
            } else if (kind == Rule.argument) {
                RuleNode r = (RuleNode) arg;
                if (ParseNodes.isRule(r.arg(1), Rule.argument_3)) {
                    namedExprHelper(r.arg(0), ((RuleNode) r.arg(1)).arg(0));
                    nPositional++;
                } else if (!ParseNodes.isRule(r.arg(1), Rule.comp_for)) {
                    if (!(r.arg(0) instanceof ParseNode.Id id)) {
                        c.syntaxError(arg, "LHS of keyword arg must be an id");
                        return;
                    }
                    emit.loadConstStr(id.name());
                    c.compileNode(r.arg(1));
                    nKeyword++;
                } else {
                    c.functions.comprehension(r, ScopeKind.GEN_EXPR);
                    nPositional++;
                }
            } else {
                if ((starFlags & STAR_FLAG_DOUBLE) != 0) {
                    c.syntaxError(arg, "positional arg after **");
                    return;
                }
                if (nKeyword > 0) {
                    c.syntaxError(arg, "positional arg after keyword arg");
                    return;
                }
                c.compileNode(arg);
                nPositional++;
            }
        }
        if (starFlags != 0) {
            emit.loadConstSmallInt(starArgs);
        }
        if (isMethodCall) {
            emit.callMethod(nPositional, nKeyword, starFlags);
        } else {
            emit.callFunction(nPositional, nKeyword, starFlags);
        }
    }

    void atomParen(RuleNode pns) {
        if (pns.arg(0) == null) {
            c.emit.build(0, Emitter.Build.TUPLE);
            return;
        }
        RuleNode list = (RuleNode) pns.arg(0);
        if (StatementCompiler.hasCompFor(list)) {
            c.functions.comprehension(list, ScopeKind.GEN_EXPR);
        } else {
            genericTuple(list);
        }
    }

    void atomBracket(RuleNode pns) {
        ParseNode inner = pns.arg(0);
        if (inner == null) {
            c.emit.build(0, Emitter.Build.LIST);
        } else if (ParseNodes.isRule(inner, Rule.testlist_comp)) {
            RuleNode list = (RuleNode) inner;
            if (StatementCompiler.hasCompFor(list)) {
                c.functions.comprehension(list, ScopeKind.LIST_COMP);
            } else {
                c.compileGenericAllNodes(list);
                c.emit.build(list.size(), Emitter.Build.LIST);
            }
        } else {
            c.compileNode(inner);
            c.emit.build(1, Emitter.Build.LIST);
        }
    }

    void atomBrace(RuleNode pns) {
        Emitter emit = c.emit;
        ParseNode pn = pns.arg(0);
        if (pn == null) {
            emit.build(0, Emitter.Build.MAP);
            return;
        }
        if (pn instanceof RuleNode r && r.rule() == Rule.dictorsetmaker_item) {
            emit.build(1, Emitter.Build.MAP);
            c.compileNode(pn);
            emit.storeMap();
            return;
        }
        if (!(pn instanceof RuleNode r && r.rule() == Rule.dictorsetmaker)) {
            // a set of one element
            c.compileNode(pn);
            emit.build(1, Emitter.Build.SET);
            return;
        }
        RuleNode maker = (RuleNode) pn;
        RuleNode tail = (RuleNode) maker.arg(1);
        boolean firstIsItem = ParseNodes.isRule(maker.arg(0), Rule.dictorsetmaker_item);
        if (tail.rule() != Rule.dictorsetmaker_list) {
            // a comprehension; the first element decides dict or set
            c.functions.comprehension(maker, firstIsItem ? ScopeKind.DICT_COMP : ScopeKind.SET_COMP);
            return;
        }
        ParseNode[] rest = ParseNodes.extractList(tail.arg(0), Rule.dictorsetmaker_list2);
        boolean isDict = firstIsItem;
        if (isDict) {
            emit.build(1 + rest.length, Emitter.Build.MAP);
            c.compileNode(maker.arg(0));
            emit.storeMap();
        } else {
            c.compileNode(maker.arg(0));
        }
        for (ParseNode item : rest) {
            boolean isKeyValue = ParseNodes.isRule(item, Rule.dictorsetmaker_item);
            c.compileNode(item);
            if (isDict) {
                if (!isKeyValue) {
                    c.syntaxError(maker, "expecting key:value for dict");
                    return;
                }
                emit.storeMap();
            } else if (isKeyValue) {
                c.syntaxError(maker, "expecting just a value for set");
                return;
            }
        }
        if (!isDict) {
            emit.build(1 + rest.length, Emitter.Build.SET);
        }
    }

    void trailerParen(RuleNode pns) {
        trailerParenHelper(pns.arg(0), false, 0);
    }

    void trailerBracket(RuleNode pns) {
        c.compileNode(pns.arg(0));
        c.emit.subscr(Emitter.Access.LOAD);
    }

    void trailerPeriod(RuleNode pns) {
        c.emit.attr(((ParseNode.Id) pns.arg(0)).name(), Emitter.Access.LOAD);
    }

    /** Slices: {@code a[x:y:z]} with any part missing. */
    void subscript(RuleNode pns) {
        Emitter emit = c.emit;
        if (pns.rule() == Rule.subscript_2) {
            c.compileNode(pns.arg(0));
            pns = (RuleNode) pns.arg(1);
        } else {
            emit.loadConstTok(TokenKind.KW_NONE);
        }
        ParseNode pn = pns.arg(0);
        if (pn == null) {
            // [x:]
            emit.loadConstTok(TokenKind.KW_NONE);
            emit.build(2, Emitter.Build.SLICE);
        } else if (pn instanceof RuleNode r && r.rule() == Rule.subscript_3c) {
            emit.loadConstTok(TokenKind.KW_NONE);
            if (r.arg(0) == null) {
                // [x::]
                emit.build(2, Emitter.Build.SLICE);
            } else {
                // [x::z]
                c.compileNode(r.arg(0));
                emit.build(3, Emitter.Build.SLICE);
            }
        } else if (pn instanceof RuleNode r && r.rule() == Rule.subscript_3d) {
            c.compileNode(r.arg(0));
            RuleNode sliceop = (RuleNode) r.arg(1);
            if (sliceop.arg(0) == null) {
                // [x:y:]
                emit.build(2, Emitter.Build.SLICE);
            } else {
                // [x:y:z]
                c.compileNode(sliceop.arg(0));
                emit.build(3, Emitter.Build.SLICE);
            }
        } else {
            // [x:y]
            c.compileNode(pn);
            emit.build(2, Emitter.Build.SLICE);
        }
    }

    void dictOrSetMakerItem(RuleNode pns) {
        // a key: value pair is compiled value first
        c.compileNode(pns.arg(1));
        c.compileNode(pns.arg(0));
    }

    void yieldExpr(RuleNode pns) {
        if (c.scopeCur.kind != ScopeKind.FUNCTION && c.scopeCur.kind != ScopeKind.LAMBDA) {
            c.syntaxError(pns, "'yield' outside function");
            return;
        }
        ParseNode arg = pns.arg(0);
        if (arg == null) {
            c.emit.loadConstTok(TokenKind.KW_NONE);
            c.emit.yield(false);
            c.reserveLabelsForNative(1);
        } else if (ParseNodes.isRule(arg, Rule.yield_arg_from)) {
            c.compileNode(((RuleNode) arg).arg(0));
            yieldFrom();
        } else {
            c.compileNode(arg);
            c.emit.yield(false);
            c.reserveLabelsForNative(1);
        }
    }
}
