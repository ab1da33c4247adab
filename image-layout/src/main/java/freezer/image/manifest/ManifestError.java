package freezer.image.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * A manifest freezer rejects: what is wrong, where (the manifest, line and column of the fault),
 * and the chain of {@code include()} and {@code require()} calls that led there, innermost
 * first. Only the CLI turns it into text and an exit status.
 */
public final class ManifestError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ManifestErrorKind kind;
    private final transient ManifestOrigin origin;
    private final transient List<ManifestOrigin> includedFrom;

    public ManifestError(ManifestErrorKind kind, String message, ManifestOrigin origin,
            List<ManifestOrigin> includedFrom) {
        super(message, null, false, false);
        this.kind = kind;
        this.origin = origin;
        this.includedFrom = List.copyOf(includedFrom);
    }

    public ManifestError(ManifestErrorKind kind, String message, ManifestOrigin origin) {
        this(kind, message, origin, List.of());
    }

    public ManifestErrorKind kind() {
        return kind;
    }

    /** The message, without position. */
    public String message() {
        return getMessage();
    }

    /** Where the fault is: the manifest (or {@link ManifestOrigin#CODE} for code given on the command line) and position. */
    public ManifestOrigin origin() {
        return origin;
    }

    /** The calls that included the faulty manifest, innermost first; empty for a top-level manifest. */
    public List<ManifestOrigin> includedFrom() {
        return includedFrom;
    }

    /** The same error, reached through one more include or require call. */
    ManifestError includedFrom(ManifestOrigin call) {
        List<ManifestOrigin> chain = new ArrayList<>(includedFrom);
        chain.add(call);
        return new ManifestError(kind, getMessage(), origin, chain);
    }

    /** {@code manifest:line:column: message}, then one {@code included from} line per caller. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(origin.toString()).append(": ").append(getMessage());
        for (ManifestOrigin o : includedFrom) {
            b.append("\n  included from ").append(o);
        }
        return b.toString();
    }
}
