package org.ganbench.bench.experiment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.ganbench.bench.report.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings that shape a run's training and scoring, stored in {@code run-settings.json} when a
 * run starts, so that {@code --resume} can refuse to continue a checkpoint under other settings.
 * Where the data come from (data folder, cache, mirrors) is left out: the checksums already make
 * every source give the same images.
 */
public final class RunSettings {

    /** Options that configure only the GAN rows' training. */
    public static final List<String> GAN_OPTIONS =
            List.of("--epochs", "--update", "--k", "--generator-objective", "--learning-rate");


    /** File name in the output folder. */
    public static final String FILE_NAME = "run-settings.json";

    private RunSettings() {
    }

    /**
     * Lists the settings under their command-line option names.
     *
     * @param options validated settings
     * @return an ordered map from option to value
     */
    public static Map<String, String> of(ReproductionOptions options) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("--dataset", options.dataset().optionName());
        settings.put("--models", String.join(",", options.models().stream().map(ModelKind::optionName).toList()));
        settings.put("--profile", options.profile().label());
        settings.put("--epochs", String.valueOf(options.epochs()));
        settings.put("--seed", Long.toString(options.seed()));
        settings.put("--update", options.updateMode().name());
        settings.put("--k", Integer.toString(options.discriminatorSteps()));
        settings.put("--generator-objective", options.generatorObjective().name());
        settings.put("--samples", Integer.toString(options.sampleCount()));
        settings.put("--train-limit", Integer.toString(options.trainLimit()));
        settings.put("--learning-rate", String.valueOf(options.learningRate()));
        settings.put("--sigma-grid", Arrays.toString(options.sigmaGrid()));
        return settings;
    }

    /**
     * Writes the settings of a run that starts now.
     *
     * @param output the run's output folder, which exists
     * @param settings the settings from {@link #of}
     * @throws IOException if the file cannot be written
     */
    public static void write(Path output, Map<String, String> settings) throws IOException {
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(settings);
        AtomicFiles.writeString(output.resolve(FILE_NAME), json + "\n");
    }

    /**
     * Compares the settings of a resumed run with the stored ones.
     *
     * @param output the interrupted run's folder
     * @param settings the settings of the resuming command
     * @return one line per differing option, naming both values; empty if they agree or nothing is stored
     * @throws IOException if the stored file cannot be read
     */
    public static List<String> differences(Path output, Map<String, String> settings) throws IOException {
        Path file = output.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Map<String, String> stored = new ObjectMapper().readValue(file.toFile(), new TypeReference<>() { });
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> entry : settings.entrySet()) {
            String before = stored.get(entry.getKey());
            if (!Objects.equals(before, entry.getValue())) {
                differences.add(entry.getKey() + " was " + shown(before) + " in the interrupted run and is "
                        + shown(entry.getValue()) + " now");
            }
        }
        return differences;
    }

    /** Shows an option that was not given, stored as "null", as the profile's default. */
    private static String shown(String value) {
        return value == null || value.equals("null") ? "not given (the profile's default)" : value;
    }
}
