package freezer.core;

import freezer.core.compile.Compiler;
import freezer.core.lexer.Lexer;
import freezer.core.mpy.CompiledModule;
import freezer.core.mpy.MpyWriter;
import freezer.core.parse.InternedStrings;
import freezer.core.parse.ParseNode;
import freezer.core.parse.Parser;

/**
 * The whole compile of one source file, as mpy-cross does it: lex, parse, compile, and the
 * module ready to write as .mpy.
 */
public final class MpyCompiler {
    private MpyCompiler() {
    }

    /**
     * Compiles one module.
     *
     * @param source the file's bytes
     * @param inputPath the path as given; lexer and parser errors name it
     * @param options mpy-cross's options; {@code sourceName} (or the input path when null) is
     *     embedded in the module and named by compiler errors
     * @throws CompileError when mpy-cross would reject the input
     */
    public static CompiledModule compile(byte[] source, String inputPath, CompileOptions options) {
        if (Thread.currentThread() instanceof DeepStackThread) {
            return compileHere(source, inputPath, options);
        }
        // The compiler recurses on the parse tree as upstream's does; a thread with a deep stack
        // lets it compile the deepest nesting mpy-cross compiles, and far beyond.
        CompiledModule[] result = new CompiledModule[1];
        RuntimeException[] failure = new RuntimeException[1];
        Thread t = new DeepStackThread(() -> {
            try {
                result[0] = compileHere(source, inputPath, options);
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        });
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return result[0];
    }

    /** A thread whose stack is deep enough for the compiler's recursion on any real input. */
    public static final class DeepStackThread extends Thread {
        /** 1 GiB of address space; only the pages actually used are committed. */
        public static final long STACK_BYTES = 1L << 30;

        public DeepStackThread(Runnable task) {
            super(null, task, "freezer-compile", STACK_BYTES);
            setDaemon(true);
        }
    }

    private static CompiledModule compileHere(byte[] source, String inputPath, CompileOptions options) {
        try {
            return compileUnguarded(source, inputPath, options);
        } catch (StackOverflowError e) {
            throw CompileError.withoutLine(ErrorType.RuntimeError,
                    "maximum recursion depth exceeded (the input nests too deeply)", inputPath, 0, 0);
        }
    }

    private static CompiledModule compileUnguarded(byte[] source, String inputPath, CompileOptions options) {
        String sourceName = options.sourceName() != null ? options.sourceName() : inputPath;
        // mpy-cross interns the file names before it reads the file: a string literal equal to
        // one of them is already a qstr
        InternedStrings interned = new InternedStrings();
        interned.intern(ByteStrings.fromText(inputPath));
        interned.intern(ByteStrings.fromText(sourceName));
        Lexer lexer = new Lexer(inputPath, source, options.optimisationLevel());
        ParseNode root = Parser.parseFile(lexer, interned, options.smallIntBits());
        return Compiler.compile(root, sourceName, options, interned);
    }

    /** {@link #compile} and the .mpy bytes of the result. */
    public static byte[] compileToMpy(byte[] source, String inputPath, CompileOptions options) {
        return MpyWriter.write(compile(source, inputPath, options));
    }
}
