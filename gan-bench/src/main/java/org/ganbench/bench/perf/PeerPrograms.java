package org.ganbench.bench.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the Python peers of the benchmark: {@code parzen_numpy.py} (the Parzen protocol in numpy),
 * {@code gan_torch.py} (the MNIST GAN's training step in PyTorch) and {@code gemm_rate.py} (the
 * float32 matrix-product rate). Each prints one JSON line, which is returned parsed.
 *
 * <p>The PyTorch programs run under the interpreter that has PyTorch and with the OpenBLAS folder
 * first on {@code LD_LIBRARY_PATH}, because Debian's torch otherwise loads whatever
 * {@code libblas.so.3} the system selects, which may be the slow reference BLAS.
 *
 * @param directory folder that contains the three programs
 * @param numpyPython interpreter with numpy, for {@code parzen_numpy.py} and {@code gemm_rate.py}
 * @param torchPython interpreter with PyTorch, for {@code gan_torch.py} and {@code gemm_rate.py --lib torch}
 * @param torchBlasDirectory folder of the OpenBLAS build that PyTorch should load
 */
public record PeerPrograms(Path directory, String numpyPython, String torchPython, Path torchBlasDirectory) {

    /** The packages that give Debian's {@code /usr/bin/python3} a usable PyTorch. */
    public static final String TORCH_INSTALL_COMMAND = "apt-get install -y python3-torch libopenblas0-openmp";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> PROGRAMS = List.of("parzen_numpy.py", "gan_torch.py", "gemm_rate.py");

    /**
     * Checks that the folder contains the three programs.
     *
     * @throws PeerProgramException if a program is missing
     */
    public PeerPrograms {
        for (String program : PROGRAMS) {
            if (!Files.isRegularFile(directory.resolve(program))) {
                throw new PeerProgramException("peer program " + directory.resolve(program)
                        + " not found. Pass the folder that holds " + String.join(", ", PROGRAMS) + " to --peers");
            }
        }
    }

    /**
     * Checks, before anything is measured, that every peer can start: numpy imports under
     * {@link #numpyPython}, the OpenBLAS folder exists, and torch imports under {@link #torchPython}.
     *
     * @throws PeerProgramException naming the missing piece and the command that installs it
     */
    public void checkRunnable() {
        checkImport(numpyPython, "numpy", Map.of(), "parzen_numpy.py and gemm_rate.py need",
                "Install numpy for that interpreter (Debian: apt-get install -y python3-numpy) or pass --python");
        if (!Files.isDirectory(torchBlasDirectory)) {
            throw new PeerProgramException("OpenBLAS folder " + torchBlasDirectory + " not found; gan_torch.py loads"
                    + " its BLAS from there. Install it with '" + TORCH_INSTALL_COMMAND + "' or pass --torch-blas");
        }
        checkImport(torchPython, "torch", torchEnvironment(), "gan_torch.py needs",
                "Install it with '" + TORCH_INSTALL_COMMAND + "' or pass --torch-python");
    }

    /**
     * Runs the Parzen protocol in numpy on uniform data ({@code --synthetic}) of the given sizes.
     *
     * @param mode {@code gemm} (matrix products, blocks of 256 points) or {@code broadcast} (the
     *     original algorithm)
     * @param threads BLAS threads
     * @param sizes the data sizes
     * @param extraArguments further options, for example {@code --max-test 1000}
     * @return the program's JSON result: sigma, mean_ll, se, cv_seconds, test_seconds and more
     * @throws PeerProgramException if the program fails or prints no JSON line
     */
    public JsonNode parzen(String mode, int threads, BenchmarkSizes sizes, List<String> extraArguments) {
        List<String> command = new ArrayList<>(List.of(numpyPython, program("parzen_numpy.py")));
        command.addAll(parzenArguments(mode, threads, sizes));
        command.addAll(extraArguments);
        return parse("parzen_numpy.py", run("parzen_numpy.py", command, Map.of()));
    }

    /**
     * Runs the numpy Parzen protocol (gemm form) once and returns its peak resident memory. A
     * Python parent runs the program and reads its children's largest resident set size from
     * {@code getrusage}, so no external tool is needed.
     *
     * @param threads BLAS threads
     * @param sizes the data sizes
     * @return the peak resident set size in MiB
     * @throws PeerProgramException if the program fails or no figure is printed
     */
    public double parzenPeakResidentMib(int threads, BenchmarkSizes sizes) {
        String parent = """
                import json, resource, subprocess, sys
                subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
                print(json.dumps({"peak_rss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
                """;
        List<String> command = new ArrayList<>(List.of(numpyPython, "-c", parent, numpyPython,
                program("parzen_numpy.py")));
        command.addAll(parzenArguments("gemm", threads, sizes));

        String label = "parzen_numpy.py peak memory";
        JsonNode result = parse(label, run(label, command, Map.of()));
        return requireField(label, result, "peak_rss_kib").asDouble() / 1024.0;
    }

    /**
     * Times the MNIST GAN's training step in PyTorch.
     *
     * @param update {@code simultaneous} or {@code alternating}
     * @param threads PyTorch and BLAS threads
     * @param sizes the peer's timed and untimed iteration counts
     * @return the program's JSON result, with iters_per_sec, torch and blas
     * @throws PeerProgramException if the program fails or prints no JSON line
     */
    public JsonNode gan(String update, int threads, BenchmarkSizes sizes) {
        List<String> command = List.of(torchPython, program("gan_torch.py"), "--update", update,
                "--threads", Integer.toString(threads), "--iters", Integer.toString(sizes.peerTrainingIterations()),
                "--warmup", Integer.toString(sizes.peerTrainingWarmup()));
        return parse("gan_torch.py", run("gan_torch.py", command, torchEnvironment()));
    }

    /**
     * Measures the float32 rate of an n x n matrix product.
     *
     * @param library {@code numpy} (numpy's own OpenBLAS) or {@code torch} (the OpenBLAS that PyTorch loads)
     * @param threads BLAS threads
     * @param sizes n and the number of timed products
     * @return the program's JSON result, with gflops_median and version
     * @throws PeerProgramException if the program fails or prints no JSON line
     */
    public JsonNode gemm(String library, int threads, BenchmarkSizes sizes) {
        boolean torch = library.equals("torch");
        List<String> command = List.of(torch ? torchPython : numpyPython, program("gemm_rate.py"),
                "--lib", library, "--threads", Integer.toString(threads), "--n", Integer.toString(sizes.gemmSize()),
                "--reps", Integer.toString(sizes.peerGemmRepetitions()));
        Map<String, String> environment = torch ? torchEnvironment() : Map.of();
        return parse("gemm_rate.py", run("gemm_rate.py", command, environment));
    }

    /**
     * Measures PyTorch's float32 matrix-product rate for given shapes, with the OpenBLAS that the
     * training peer loads: the median of 50 products after 5 untimed ones, per shape.
     *
     * @param shapes products as "m,k,n", for an (m x k) times (k x n) product
     * @param threads PyTorch and BLAS threads
     * @return a JSON object from each shape to its GFLOP/s
     * @throws PeerProgramException if the program fails or prints no JSON line
     */
    public JsonNode torchProductRates(List<String> shapes, int threads) {
        String script = """
                import json, os, statistics, sys, time
                threads = int(sys.argv[1])
                for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
                    os.environ[name] = str(threads)
                import torch
                torch.set_num_threads(threads)
                rates = {}
                for shape in sys.argv[2:]:
                    m, k, n = (int(part) for part in shape.split(","))
                    left, right = torch.rand(m, k), torch.rand(k, n)
                    for _ in range(5):
                        left @ right
                    times = []
                    for _ in range(50):
                        start = time.perf_counter()
                        left @ right
                        times.append(time.perf_counter() - start)
                    rates[shape] = 2 * m * k * n / statistics.median(times) / 1e9
                print(json.dumps(rates))
                """;
        List<String> command = new ArrayList<>(List.of(torchPython, "-c", script, Integer.toString(threads)));
        command.addAll(shapes);
        String label = "torch matrix products";
        JsonNode rates = parse(label, run(label, command, torchEnvironment()));
        for (String shape : shapes) {
            requireField(label, rates, shape);
        }
        return rates;
    }

    /**
     * Returns a field of a peer's JSON result.
     *
     * @param program the program, for the error message
     * @param result its parsed JSON line
     * @param field the field's name
     * @return the field
     * @throws PeerProgramException if the field is missing
     */
    static JsonNode requireField(String program, JsonNode result, String field) {
        JsonNode value = result.get(field);
        if (value == null || value.isNull()) {
            throw new PeerProgramException(program + " printed no '" + field + "' in " + result
                    + ". Use the peer programs that match this version of gan-bench");
        }
        return value;
    }

    private static List<String> parzenArguments(String mode, int threads, BenchmarkSizes sizes) {
        return List.of("--mode", mode, "--threads", Integer.toString(threads), "--synthetic",
                Integer.toString(sizes.parzenSamples()), Integer.toString(sizes.parzenTest()),
                Integer.toString(sizes.parzenValidation()), Integer.toString(BenchmarkSizes.PARZEN_DIMENSION),
                Long.toString(BenchmarkSizes.PARZEN_SEED));
    }

    private void checkImport(String python, String module, Map<String, String> environment, String usersNeed,
                             String fix) {
        List<String> command = List.of(python, "-c", "import " + module);
        try {
            ChildProcess.run(python + " -c 'import " + module + "'", command, environment, CHECK_TIMEOUT);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new PeerProgramException(python + " cannot import " + module + ", which " + usersNeed + ". "
                    + fix + ". Cause: " + e.getMessage(), e);
        }
    }

    private Map<String, String> torchEnvironment() {
        return Map.of("LD_LIBRARY_PATH", torchBlasDirectory.toString());
    }

    private String program(String name) {
        return directory.resolve(name).toString();
    }

    private static ChildProcess.Output run(String label, List<String> command, Map<String, String> environment) {
        try {
            return ChildProcess.run(label, command, environment, TIMEOUT);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new PeerProgramException("peer " + label + " failed: " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(String program, ChildProcess.Output output) {
        try {
            return JSON.readTree(output.lastJsonLine(program));
        } catch (IllegalStateException e) {
            throw new PeerProgramException(e.getMessage(), e);
        } catch (IOException e) {
            throw new PeerProgramException(program + " printed a line that is not valid JSON: " + e.getMessage(), e);
        }
    }
}
