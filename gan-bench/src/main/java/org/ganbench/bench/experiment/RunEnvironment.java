package org.ganbench.bench.experiment;

import ai.djl.engine.Engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where and with what a run happened: the source revision, library versions and the machine,
 * so that a stored result says what produced it.
 *
 * @param gitCommit commit of the working tree, or "unknown" outside a git checkout
 * @param gitDirty true if the working tree had uncommitted changes to tracked files
 * @param libraries name to version: Java, DJL, the engine and its native library
 * @param machine operating system, processor model, cores and memory
 */
public record RunEnvironment(String gitCommit, boolean gitDirty, Map<String, String> libraries,
                             Map<String, String> machine) {

    /**
     * Reads the environment of the current process.
     *
     * @return the environment; fields that cannot be read are "unknown"
     */
    public static RunEnvironment capture() {
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        Engine engine = Engine.getInstance();
        libraries.put("djl", Engine.getDjlVersion());
        libraries.put("engine", engine.getEngineName() + " " + engine.getVersion());
        libraries.put("ganBench", GanBenchVersion.get());

        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch"));
        machine.put("cpu", cpuModel());
        machine.put("availableProcessors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        machine.put("engineThreads", System.getProperty("ai.djl.pytorch.num_threads", "engine default"));
        machine.put("memory", totalMemory());
        machine.put("maxHeap", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");

        String commit = git("rev-parse", "HEAD");
        String status = git("status", "--porcelain", "--untracked-files=no");
        return new RunEnvironment(commit.isEmpty() ? "unknown" : commit, !status.isEmpty(), libraries, machine);
    }

    private static String cpuModel() {
        return firstLineStartingWith(Path.of("/proc/cpuinfo"), "model name");
    }

    private static String totalMemory() {
        return firstLineStartingWith(Path.of("/proc/meminfo"), "MemTotal");
    }

    private static String firstLineStartingWith(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static String git(String... arguments) {
        List<String> command = new java.util.ArrayList<>();
        command.add("git");
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return "";
            }
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
