package org.ganbench.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads and writes {@link Checkpoint}s as one binary file, atomically: the file is written to a
 * temporary name in the same folder, flushed to disk, then renamed over the old checkpoint, so
 * a process killed at any point leaves either the previous checkpoint or the new one.
 *
 * <p>Layout: the magic bytes {@code GANCKPT1}, a length-prefixed UTF-8 JSON header (counts,
 * configuration, history, array names and lengths), then the arrays as big-endian float32.
 */
public final class CheckpointStore {

    private static final byte[] MAGIC = "GANCKPT1".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    /**
     * @param file the checkpoint file; its folder must exist
     */
    public CheckpointStore(Path file) {
        this.file = file;
    }

    /** The checkpoint file. */
    public Path file() {
        return file;
    }

    /** Whether a checkpoint has been written. */
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /**
     * Writes a checkpoint, replacing the previous one only once the new one is complete on disk.
     *
     * @param checkpoint the state to store
     * @throws IOException if the file cannot be written; the previous checkpoint is then kept
     */
    public void save(Checkpoint checkpoint) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream raw = java.nio.channels.Channels.newOutputStream(channel);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 20))) {
                writeTo(out, checkpoint);
                out.flush();
                channel.force(true);
            }
            moveIntoPlace(temporary);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Reads the checkpoint.
     *
     * @return the stored state
     * @throws IOException if the file is missing, truncated or not a checkpoint; the message
     *     names the file and the fault
     */
    public Checkpoint load() throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 20))) {
            return readFrom(in);
        } catch (EOFException e) {
            throw new DamagedCheckpointException("Checkpoint " + file + " is truncated; delete it to start the run again",
                    e);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new DamagedCheckpointException("Checkpoint " + file + " has a damaged header (" + e.getOriginalMessage()
                    + "); delete it to start the run again", e);
        }
    }

    private static void writeTo(DataOutputStream out, Checkpoint checkpoint) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("completedEpochs", checkpoint.completedEpochs());
        header.put("updatesDone", checkpoint.updatesDone());
        header.put("config", checkpoint.config());
        header.put("history", checkpoint.history());
        header.put("parameters", lengths(checkpoint.parameters()));
        header.put("velocities", lengths(checkpoint.velocities()));
        byte[] headerBytes = JSON.writeValueAsBytes(header);

        out.write(MAGIC);
        out.writeInt(headerBytes.length);
        out.write(headerBytes);
        writeArrays(out, checkpoint.parameters());
        writeArrays(out, checkpoint.velocities());
    }

    private Checkpoint readFrom(DataInputStream in) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new DamagedCheckpointException("File " + file + " is not a gan-bench checkpoint (bad magic bytes); "
                    + "delete it or point the run at another output folder", null);
        }
        int headerLength = in.readInt();
        if (headerLength <= 0 || headerLength > (64 << 20)) {
            throw new DamagedCheckpointException("Checkpoint " + file + " has an invalid header length "
                    + headerLength + "; delete it to start the run again", null);
        }
        byte[] headerBytes = new byte[headerLength];
        in.readFully(headerBytes);
        Map<String, Object> header = JSON.readValue(headerBytes, new TypeReference<>() { });

        TrainingConfig config = JSON.convertValue(header.get("config"), TrainingConfig.class);
        List<EpochMetrics> history = JSON.convertValue(header.get("history"), new TypeReference<>() { });
        Map<String, Integer> parameterLengths = JSON.convertValue(header.get("parameters"), new TypeReference<>() { });
        Map<String, Integer> velocityLengths = JSON.convertValue(header.get("velocities"), new TypeReference<>() { });
        Map<String, float[]> parameters = readArrays(in, parameterLengths);
        Map<String, float[]> velocities = readArrays(in, velocityLengths);
        if (in.read() != -1) {
            throw new DamagedCheckpointException("Checkpoint " + file + " has trailing bytes; delete it to start the"
                    + " run again", null);
        }
        return new Checkpoint(((Number) header.get("completedEpochs")).intValue(),
                ((Number) header.get("updatesDone")).longValue(), config, history, parameters, velocities);
    }

    private static Map<String, Integer> lengths(Map<String, float[]> arrays) {
        Map<String, Integer> lengths = new LinkedHashMap<>();
        arrays.forEach((name, values) -> lengths.put(name, values.length));
        return lengths;
    }

    private static void writeArrays(DataOutputStream out, Map<String, float[]> arrays) throws IOException {
        for (float[] values : arrays.values()) {
            for (float v : values) {
                out.writeFloat(v);
            }
        }
    }

    private static Map<String, float[]> readArrays(DataInputStream in, Map<String, Integer> lengths) throws IOException {
        Map<String, float[]> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> entry : lengths.entrySet()) {
            float[] values = new float[entry.getValue()];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readFloat();
            }
            arrays.put(entry.getKey(), values);
        }
        return arrays;
    }

    private void moveIntoPlace(Path temporary) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The file system of " + file + " cannot rename atomically, so checkpoints"
                    + " would not survive a crash; choose an output folder on a local disk", e);
        }
    }
}
