package org.ganbench.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ganbench.bench.experiment.ModelResult;
import org.ganbench.bench.experiment.ResultFile;
import org.ganbench.bench.experiment.Table1FromResults;
import org.ganbench.bench.report.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gan-bench table}: renders Table 1 from stored result files, without retraining. */
@Command(name = "table",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Renders Table 1 (markdown) from one or more stored result.json files of the same data set.")
final class TableCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULT", description = "result.json files, or folders that contain one.")
    private List<Path> inputs;

    @Option(names = {"--output", "-o"}, paramLabel = "FILE", description = "Write the table to FILE instead of standard output.")
    private Path output;

    @Override
    public Integer call() throws IOException {
        ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<ResultFile> results = new ArrayList<>();
        for (Path input : inputs) {
            Path file = Files.isDirectory(input) ? input.resolve("result.json") : input;
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Result file '" + file + "' not found; pass a result.json or the folder of a finished run");
            }
            results.add(readResult(json, file));
        }

        String table;
        try {
            table = Table1FromResults.render(results);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (output != null && Files.isDirectory(output)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Output '" + output
                    + "' given with -o is a folder; name a file such as " + output.resolve("table1.md"));
        }
        if (output == null) {
            spec.commandLine().getOut().print(table);
            spec.commandLine().getOut().flush();
        } else {
            try {
                AtomicFiles.writeString(output, table);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Cannot write the table to '" + output
                        + "' given with -o (" + e + "); name a file in a folder you can write to");
            }
        }
        return 0;
    }

    private ResultFile readResult(ObjectMapper json, Path file) throws IOException {
        ResultFile result;
        try {
            JsonNode tree = json.readTree(file.toFile());
            if (tree == null || !tree.isObject()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Result file '" + file
                        + "' is not a readable gan-bench result (no JSON object); pass a result.json of a finished run");
            }
            requireParzenFigures(tree, file);
            result = json.treeToValue(tree, ResultFile.class);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Result file '" + file
                    + "' is not a readable gan-bench result (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        boolean readable = result.schemaVersion() >= ResultFile.OLDEST_READABLE_SCHEMA_VERSION
                && result.schemaVersion() <= ResultFile.SCHEMA_VERSION;
        if (!readable || result.rows() == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Result file '" + file + "' has schema version "
                    + result.schemaVersion() + " but this gan-bench reads versions "
                    + ResultFile.OLDEST_READABLE_SCHEMA_VERSION + " to " + ResultFile.SCHEMA_VERSION
                    + "; rerun 'gan-bench reproduce' to regenerate it");
        }
        for (int i = 0; i < result.rows().size(); i++) {
            ModelResult row = result.rows().get(i);
            if (row == null || row.model() == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Result file '" + file + "' is damaged:"
                        + " row " + i + " has no 'model' field; rerun 'gan-bench reproduce' to regenerate it");
            }
            if (!row.scored()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Result file '" + file + "' has no"
                        + " Parzen score for row '" + row.model() + "' (no 'parzen' or 'crossFold' field). CIFAR-10 runs"
                        + " are not scored and have no table; any other run's file is damaged, so rerun it");
            }
        }
        return result;
    }

    /**
     * Rejects a row whose Parzen record lacks its mean or standard error, which reading into a record
     * would turn into 0.0 without notice.
     */
    private void requireParzenFigures(JsonNode root, Path file) {
        JsonNode rows = root.path("rows");
        for (int i = 0; i < rows.size(); i++) {
            JsonNode parzen = rows.get(i).path("parzen");
            if (parzen.isMissingNode() || parzen.isNull()) {
                continue;
            }
            for (String field : List.of("meanLogLikelihood", "standardError")) {
                if (!parzen.path(field).isNumber()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "Result file '" + file + "' row " + i
                            + " has no number for parzen." + field + "; rerun that row or restore the file");
                }
            }
        }
    }
}
