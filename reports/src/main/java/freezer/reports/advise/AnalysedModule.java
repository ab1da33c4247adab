package freezer.reports.advise;

import freezer.core.CompileOptions;
import freezer.core.DeepStack;
import freezer.core.MpyCompiler;
import freezer.core.lexer.Lexer;
import freezer.core.mpy.CompiledModule;
import freezer.core.mpy.MpyWriter;
import freezer.core.parse.InternedStrings;
import freezer.core.parse.ParseNode;
import freezer.core.parse.Parser;

/**
 * A module read for advice: its parse tree walked for names, its tokens for positions, and its
 * compiled form for its qstrs and size. Parsing and compiling are freezer's own, so a module
 * mpy-cross rejects is rejected here with the same error.
 */
final class AnalysedModule {
    private final ModuleSource source;
    private final SourceText text;
    private final NameWalker.Result names;
    private final TokenIndex tokens;
    private final CompiledModule compiled;
    private final int mpySize;

    private AnalysedModule(ModuleSource source, SourceText text, NameWalker.Result names, TokenIndex tokens,
            CompiledModule compiled, int mpySize) {
        this.source = source;
        this.text = text;
        this.names = names;
        this.tokens = tokens;
        this.compiled = compiled;
        this.mpySize = mpySize;
    }

    /**
     * Reads a module.
     *
     * @throws freezer.core.CompileError when the compiler rejects it
     */
    static AnalysedModule read(ModuleSource source) {
        byte[] bytes = source.bytes();
        CompiledModule compiled = MpyCompiler.compile(bytes, source.file(), options(source));
        int size = DeepStack.call(() -> MpyWriter.write(compiled).length);
        return DeepStack.call(() -> {
            ParseNode root = Parser.parseFile(new Lexer(source.file(), bytes, source.opt()), new InternedStrings(),
                    CompileOptions.DEFAULT.smallIntBits());
            NameWalker.Result walked = NameWalker.walk(root);
            SourceText text = new SourceText(bytes);
            TokenIndex tokens = new TokenIndex(text, source.file());
            tokens.place(walked.occurrences());
            return new AnalysedModule(source, text, walked, tokens, compiled, size);
        });
    }

    static CompileOptions options(ModuleSource source) {
        return CompileOptions.DEFAULT.withSourceName(source.file()).withOptimisationLevel(source.opt());
    }

    /** The size of the .mpy mpy-cross would write for these bytes (a CompileError when it rejects them). */
    static int mpySize(byte[] bytes, ModuleSource source) {
        return MpyCompiler.compileToMpy(bytes, source.file(), options(source)).length;
    }

    ModuleSource source() {
        return source;
    }

    String file() {
        return source.file();
    }

    SourceText text() {
        return text;
    }

    NameWalker.Result names() {
        return names;
    }

    NameScope scope() {
        return names.module();
    }

    TokenIndex tokens() {
        return tokens;
    }

    CompiledModule compiled() {
        return compiled;
    }

    int mpySize() {
        return mpySize;
    }
}
