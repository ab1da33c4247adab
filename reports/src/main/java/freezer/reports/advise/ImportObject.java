package freezer.reports.advise;

/**
 * An object a module's top level builds when it is imported, kept in RAM while the module is.
 *
 * @param what what it is: "list of 16 items", "function read", "class Sensor" ...
 * @param boundTo the name it is stored under, or null
 * @param bytes its heap bytes on the target, or -1 when the size depends on what runs (a call)
 */
public record ImportObject(int line, int column, String what, String boundTo, long bytes) {
    public boolean sizeKnown() {
        return bytes >= 0;
    }
}
