package freezer.image.manifest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata of one package while its manifest is evaluated (manifestfile.py's
 * ManifestPackageMetadata): set once by {@code metadata(...)}. Every file the package declares
 * keeps a reference to it, and the version read when the manifest is done is the one that tags
 * them, so a {@code metadata(version=)} after the files still applies to them, as upstream.
 */
final class PackageMetadata implements ManifestValue.Attributes {
    /** ManifestPackageMetadata.update's keyword parameters (freeze mode ignores all but version). */
    private static final Signature UPDATE = Signature.of("metadata")
            .optional("description", ManifestValue.None.NONE)
            .optional("version", ManifestValue.None.NONE)
            .optional("license", ManifestValue.None.NONE)
            .optional("author", ManifestValue.None.NONE)
            .optional("stdlib", ManifestValue.Bool.FALSE)
            .optional("pypi", ManifestValue.None.NONE)
            .optional("pypi_publish", ManifestValue.None.NONE);

    private final Map<String, ManifestValue> fields = new LinkedHashMap<>();
    private boolean initialised;

    PackageMetadata() {
        for (String name : new String[] {"version", "description", "license", "author", "pypi", "pypi_publish"}) {
            fields.put(name, ManifestValue.None.NONE);
        }
        fields.put("stdlib", ManifestValue.Bool.FALSE);
    }

    /** {@code metadata(**kwargs)} with at least one keyword. */
    void update(Map<String, ManifestValue> kwargs) {
        if (initialised) {
            throw new EvalFailure(ManifestErrorKind.DUPLICATE_METADATA, "Duplicate call to metadata().");
        }
        Signature.Bound args = UPDATE.bind(java.util.List.of(), kwargs);
        ManifestValue version = args.get("version");
        if (!(version instanceof ManifestValue.Str || version == ManifestValue.None.NONE)) {
            throw EvalFailure.badArgument("metadata(): version must be a str, not " + version.typeName());
        }
        fields.putAll(args.named());
        initialised = true;
    }

    /** The version that tags this package's compiled modules: null when unset or empty (upstream tests its truth). */
    String version() {
        return fields.get("version") instanceof ManifestValue.Str s && !s.text().isEmpty() ? s.text() : null;
    }

    @Override
    public ManifestValue attribute(String name) {
        return fields.get(name);
    }

    @Override
    public String typeName() {
        return "ManifestPackageMetadata";
    }
}
