package babysitter.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a person wrote about a run, kept in the run folder as {@code notes.json}: a title shown
 * instead of the folder's name, a note, and tags. The training never reads or writes it.
 *
 * @param title a name for the run, "" for none
 * @param note  free text, "" for none
 * @param tags  distinct, trimmed, not blank, in the order given
 */
public record RunNotes(String title, String note, List<String> tags) {
    /** The file's name in the run folder. */
    public static final String FILE = "notes.json";
    /** No notes. */
    public static final RunNotes NONE = new RunNotes("", "", List.of());

    public RunNotes {
        title = Objects.requireNonNull(title, "title").strip();
        note = Objects.requireNonNull(note, "note");
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String t : tags) {
            String s = t.strip();
            if (!s.isEmpty()) {
                clean.add(s);
            }
        }
        tags = List.copyOf(clean);
    }

    /** Tags from "a, b c" (commas or spaces between). */
    public static List<String> parseTags(String text) {
        return List.of(text.strip().isEmpty() ? new String[0] : text.strip().split("[,\\s]+"));
    }

    /** The notes of {@code runDir}, {@link #NONE} when it has none. */
    public static RunNotes read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        ObjectNode o = Json.readObject(file);
        List<String> tags = new ArrayList<>();
        JsonNode t = o.path("tags");
        if (!t.isMissingNode() && !t.isArray()) {
            throw new BadFileException(file, "tags", file + ": \"tags\" must be a list of words, got " + Json.kind(t));
        }
        for (JsonNode tag : t) {
            if (!tag.isTextual()) {
                throw new BadFileException(file, "tags", file + ": every tag must be text, got " + Json.kind(tag));
            }
            tags.add(tag.asText());
        }
        return new RunNotes(text(file, o, "title"), text(file, o, "note"), tags);
    }

    private static String text(Path file, ObjectNode o, String field) throws BadFileException {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isTextual()) {
            throw new BadFileException(file, field, file + ": \"" + field + "\" must be text, got " + Json.kind(n));
        }
        return n.asText();
    }

    /** Writes these notes into {@code runDir} atomically. */
    public void write(Path runDir) throws IOException {
        ObjectNode o = Json.object();
        o.put("title", title);
        o.put("note", note);
        ArrayNode a = o.putArray("tags");
        tags.forEach(a::add);
        AtomicFiles.write(runDir.resolve(FILE), Json.pretty().writeValueAsBytes(o));
    }
}
