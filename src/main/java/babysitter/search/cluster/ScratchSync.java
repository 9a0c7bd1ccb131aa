package babysitter.search.cluster;

import babysitter.store.AtomicFiles;
import babysitter.store.FolderLock;
import babysitter.store.RunWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * On a worker: what of a trial's scratch run folder the coordinator has not got yet. Called on the
 * trial's own thread between epochs (the files are quiet then): the line files ({@code .jsonl},
 * append-only) send what was appended since the last call, every other file is sent whole when it
 * is new or changed. Lock files and unfinished temporary files are not part of a run.
 */
final class ScratchSync {
    private final Path runDir;
    private final Map<String, Long> sentLength = new HashMap<>();
    private final Map<String, Long> sentModified = new HashMap<>();

    ScratchSync(Path runDir) {
        this.runDir = runDir;
    }

    /** The new bytes since the last call, oldest files first. */
    List<FileChunk> changes() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(runDir)) {
            files = s.filter(Files::isRegularFile).filter(this::belongsToRun).sorted().toList();
        }
        List<FileChunk> out = new ArrayList<>();
        for (Path f : files) {
            String rel = relative(f);
            long length = Files.size(f);
            long modified = Files.getLastModifiedTime(f).toMillis();
            Long sent = sentLength.get(rel);
            if (rel.endsWith(".jsonl")) {
                long from = sent == null ? 0 : sent;
                if (length > from) {
                    out.add(new FileChunk(rel, from, false, read(f, from, length)));
                    sentLength.put(rel, length);
                }
            } else if (sent == null || sent != length || sentModified.get(rel) != modified) {
                out.add(new FileChunk(rel, 0, true, Files.readAllBytes(f)));
                sentLength.put(rel, length);
                sentModified.put(rel, modified);
            }
        }
        return out;
    }

    private boolean belongsToRun(Path f) {
        for (Path part : runDir.relativize(f)) {
            String name = part.toString();
            if (name.equals(FolderLock.FILE) || name.startsWith(RunWriter.TEMP_PREFIX) || name.contains(AtomicFiles.TEMP_INFIX)) {
                return false;
            }
        }
        return true;
    }

    private String relative(Path f) {
        return runDir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
    }

    private static byte[] read(Path f, long from, long to) throws IOException {
        byte[] b = new byte[Math.toIntExact(to - from)];
        try (RandomAccessFile in = new RandomAccessFile(f.toFile(), "r")) {
            in.seek(from);
            in.readFully(b);
        }
        return b;
    }
}
