package babysitter.store;

import babysitter.engine.Network;
import babysitter.engine.NetworkFiles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's checkpoint folders, written and deleted so that no reader ever sees half of one: each is
 * made under a temporary name and renamed into place, and renamed away before it is deleted.
 * Apart from {@link RunWriter}, which keeps the line files and decides when these are called.
 */
final class CheckpointFolders {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointFolders.class);

    private CheckpointFolders() {
    }

    /** Writes checkpoint {@code id} of run {@code runDir}; see {@link RunWriter#checkpoint}. */
    static CheckpointInfo write(Path runDir, String id, Network net, long step, int epoch, int branch,
                                long timeMillis, ObjectNode extra) {
        Path checkpoints = runDir.resolve(RunWriter.CHECKPOINTS);
        Path target = checkpoints.resolve(id);
        CheckpointInfo info = new CheckpointInfo(id, target, step, epoch, branch, timeMillis, extra);
        Path tmp = checkpoints.resolve(RunWriter.TEMP_PREFIX + id + "-" + System.nanoTime());
        try {
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString(), null,
                        "checkpoint '" + id + "' already exists");
            }
            Files.createDirectories(checkpoints);
            Files.createDirectory(tmp);
            NetworkFiles.save(net, tmp);
            ObjectNode json = Json.object();
            json.put("formatVersion", RunWriter.CHECKPOINT_FORMAT_VERSION);
            json.put("id", id);
            json.put("step", step);
            json.put("epoch", epoch);
            json.put("branch", branch);
            json.put("timeMillis", info.timeMillis());
            json.set("extra", info.extra());
            Files.write(tmp.resolve(RunWriter.CHECKPOINT_JSON),
                    Json.pretty().writeValueAsBytes(json));
            // rename(2) of a folder onto an existing empty folder would replace it: checked above
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.debug("checkpoint {} written to {}", id, target);
            return info;
        } catch (IOException e) {
            try {
                RunWriter.deleteTree(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new UncheckedIOException("cannot write checkpoint '" + id + "' of run " + runDir + ": "
                    + (e instanceof FileAlreadyExistsException ? e.getMessage() : AtomicFiles.describe(e)
                    + " (" + (e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : target) + ")"), e);
        }
    }

    /** Deletes checkpoint folder {@code id} of run {@code runDir}; see {@link RunWriter#deleteCheckpoint}. */
    static void delete(Path runDir, String id) {
        CheckpointInfo.checkId(id);
        Path checkpoints = runDir.resolve(RunWriter.CHECKPOINTS);
        Path target = checkpoints.resolve(id);
        Path doomed = checkpoints.resolve(RunWriter.TEMP_PREFIX + "deleted-" + id + "-" + System.nanoTime());
        try {
            Files.move(target, doomed, StandardCopyOption.ATOMIC_MOVE);
            RunWriter.deleteTree(doomed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete checkpoint folder " + target + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the temporary folders of checkpoints an earlier writer did not finish. */
    static void removeUnfinished(Path runDir) throws IOException {
        Path checkpoints = Files.createDirectories(runDir.resolve(RunWriter.CHECKPOINTS));
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(checkpoints, RunWriter.TEMP_PREFIX + "*")) {
            for (Path p : leftovers) {
                LOG.warn("deleting {}: an unfinished checkpoint of an earlier writer", p);
                RunWriter.deleteTree(p);
            }
        }
    }
}
