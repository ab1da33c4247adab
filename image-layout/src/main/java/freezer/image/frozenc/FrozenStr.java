package freezer.image.frozenc;

/**
 * A module kept as source text ({@code freeze_as_str}): makemanifest.py copies the file's bytes
 * as they are.
 *
 * @param target the name it is frozen under ({@code "scripts/x.py"})
 * @param content the file's bytes
 * @param source the file it came from, for messages and the map
 */
public record FrozenStr(String target, byte[] content, String source) {
    public FrozenStr {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    int length() {
        return content.length;
    }

    byte at(int i) {
        return content[i];
    }
}
