package freezer.core;

import freezer.core.compile.Compiler;
import freezer.core.lexer.Lexer;
import freezer.core.mpy.CompiledModule;
import freezer.core.mpy.MpyWriter;
import freezer.core.parse.InternedStrings;
import freezer.core.parse.ParseNode;
import freezer.core.parse.Parser;
import java.util.function.Supplier;

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
        return DeepStack.call(() -> guarded(inputPath,
                () -> compileUnguarded(source, inputPath, options, new CompileWork())));
    }

    /** {@link #compile} and the .mpy bytes of the result. */
    public static byte[] compileToMpy(byte[] source, String inputPath, CompileOptions options) {
        return compileToMpy(source, inputPath, options, new CompileWork());
    }

    /** {@link #compileToMpy(byte[], String, CompileOptions)}, counting the compile's work into {@code work}. */
    public static byte[] compileToMpy(byte[] source, String inputPath, CompileOptions options, CompileWork work) {
        return DeepStack.call(() -> guarded(inputPath,
                () -> MpyWriter.write(compileUnguarded(source, inputPath, options, work))));
    }

    /**
     * Past even the deep stack's depth, or the heap's size, the input is rejected with a clear
     * error, as mpy-cross rejects what overflows its own heap with a MemoryError.
     */
    private static <T> T guarded(String inputPath, Supplier<T> work) {
        try {
            return work.get();
        } catch (StackOverflowError e) {
            throw CompileError.withoutLine(ErrorType.RuntimeError,
                    "maximum recursion depth exceeded (the input nests too deeply)", inputPath, 0, -1);
        } catch (OutOfMemoryError e) {
            throw CompileError.withoutLine(ErrorType.MemoryError,
                    "out of memory compiling this input (raise the JVM's -Xmx to go further)", inputPath, 0, -1);
        }
    }

    private static CompiledModule compileUnguarded(byte[] source, String inputPath, CompileOptions options,
            CompileWork work) {
        String sourceName = options.sourceName() != null ? options.sourceName() : inputPath;
        // mpy-cross interns the file names before it reads the file: a string literal equal to
        // one of them is already a qstr
        InternedStrings interned = new InternedStrings();
        interned.intern(ByteStrings.fromText(inputPath));
        interned.intern(ByteStrings.fromText(sourceName));
        Lexer lexer = new Lexer(inputPath, source, options.optimisationLevel());
        ParseNode root = Parser.parseFile(lexer, interned, options.smallIntBits(), work);
        return Compiler.compile(root, sourceName, options, interned, work);
    }
}
