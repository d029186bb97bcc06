package org.ganbench.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP mirror that serves each MNIST file gzip-compressed as {@code <base URL><file name>.gz}.
 *
 * <p>Each file is downloaded to a temporary file in the cache folder, then decompressed into the cache, where
 * its checksum is verified. A failure to connect skips the remaining files of this mirror, because they would
 * wait for the same timeout.
 */
final class MirrorSource implements MnistSource {

    private static final Logger LOG = LoggerFactory.getLogger(MirrorSource.class);

    private static final int HTTP_OK = 200;
    private static final long POLL_MILLIS = 500;
    private static final long BYTES_PER_MEGABYTE = 1L << 20;

    private final URI baseUrl;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final Duration downloadTimeout;

    MirrorSource(URI baseUrl, HttpClient client, Duration requestTimeout, Duration downloadTimeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.client = Objects.requireNonNull(client, "client");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.downloadTimeout = Objects.requireNonNull(downloadTimeout, "downloadTimeout");
    }

    /**
     * Builds the HTTP client shared by all mirrors of one load. It follows redirects except from https to http
     * and honours the JVM's proxy settings ({@code https.proxyHost} and related properties).
     */
    static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(ProxySelector.getDefault())
                .build();
    }

    @Override
    public String description() {
        return "mirror " + baseUrl;
    }

    @Override
    public void fetchInto(Set<MnistFile> files, MnistCache cache) throws IOException {
        List<String> problems = new ArrayList<>();
        for (MnistFile file : files) {
            URI url = baseUrl.resolve(file.fileName() + ".gz");
            try {
                fetch(url, file, cache);
                LOG.info("Downloaded {} into {}", url, cache);
            } catch (ConnectException | HttpConnectTimeoutException e) {
                problems.add(url + ": cannot connect (" + Failures.describe(e) + "), so the remaining files were skipped");
                break;
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                problems.add(url + ": " + Failures.describe(e));
            }
        }

        if (!problems.isEmpty()) {
            throw new IOException(String.join("; ", problems));
        }
    }

    private void fetch(URI url, MnistFile file, MnistCache cache) throws IOException {
        Path download = cache.createTemporaryFile(file.fileName() + ".gz");
        try {
            download(url, download);
            cache.store(file, out -> {
                try (InputStream in = Gzip.openDecompressed(download)) {
                    in.transferTo(out);
                }
            });
        } finally {
            Files.deleteIfExists(download);
        }
    }

    /** Downloads the body of a 200 response into {@code target}. Any other status raises an IOException. */
    private void download(URI url, Path target) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(requestTimeout).GET().build();
        AtomicLong contentLength = new AtomicLong(-1);
        CompletableFuture<HttpResponse<Path>> pending = client.sendAsync(request, response -> {
            if (response.statusCode() != HTTP_OK) {
                return BodySubscribers.replacing(null);
            }
            contentLength.set(response.headers().firstValueAsLong("Content-Length").orElse(-1));
            return BodySubscribers.ofFile(target);
        });

        HttpResponse<Path> response = await(pending, url, target, contentLength);
        if (response.statusCode() != HTTP_OK) {
            throw new IOException("HTTP status " + response.statusCode() + " (expected 200)");
        }
    }

    /**
     * Waits for the download to finish within the download timeout. In JDK 17 the request timeout stops
     * counting once the response headers arrive, so this loop is what bounds a body that stalls. An interactive
     * terminal gets a progress bar, which reads the size of the growing file.
     *
     * <p>NOTE: tests run without a console, so they never exercise the progress bar.
     */
    private HttpResponse<Path> await(CompletableFuture<HttpResponse<Path>> pending, URI url, Path target,
            AtomicLong contentLength) throws IOException {
        long deadline = System.nanoTime() + downloadTimeout.toNanos();
        try (ProgressBar progress = System.console() == null ? null : newProgressBar(url)) {
            while (true) {
                try {
                    return pending.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (System.nanoTime() - deadline > 0) {
                        pending.cancel(true);
                        throw new HttpTimeoutException("download timed out after " + downloadTimeout.toSeconds()
                                + " s. Raise MnistOptions downloadTimeout for slow links.");
                    }
                    if (progress != null) {
                        progress.maxHint(contentLength.get());
                        progress.stepTo(Files.size(target));
                    }
                } catch (ExecutionException e) {
                    throw asIoException(e.getCause());
                } catch (InterruptedException e) {
                    pending.cancel(true);
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while downloading " + url);
                }
            }
        }
    }

    private static ProgressBar newProgressBar(URI url) {
        String name = Path.of(url.getPath()).getFileName().toString();
        return new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(-1)
                .setUnit("MiB", BYTES_PER_MEGABYTE)
                .build();
    }

    private static IOException asIoException(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        return new IOException(Failures.describe(cause), cause);
    }
}
