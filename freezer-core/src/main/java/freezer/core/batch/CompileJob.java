package freezer.core.batch;

import freezer.core.CompileOptions;

/**
 * One source to compile: its bytes, the path errors name (as mpy-cross names its input), and
 * the options, whose {@code sourceName} is what the .mpy embeds.
 */
public record CompileJob(byte[] source, String inputPath, CompileOptions options) {
}
