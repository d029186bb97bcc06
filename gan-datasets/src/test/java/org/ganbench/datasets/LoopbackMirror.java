package org.ganbench.datasets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An HTTP server on 127.0.0.1 that serves fixed bodies below {@code /mnist/} and counts requests per file. */
final class LoopbackMirror implements AutoCloseable {

    private static final String PREFIX = "/mnist/";
    private static final long STALL_SECONDS = 30;

    private final HttpServer server;
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Set<String> stalled = ConcurrentHashMap.newKeySet();
    private final CountDownLatch released = new CountDownLatch(1);
    private final ExecutorService executor = Executors.newCachedThreadPool();

    LoopbackMirror() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PREFIX, this::handle);
        // One thread per exchange, so that a stalled response does not block requests for other files.
        server.setExecutor(executor);
        server.start();
    }

    /** Serves {@code body} at {@code <base URL><fileName>}. */
    LoopbackMirror serve(String fileName, byte[] body) {
        bodies.put(fileName, body);
        return this;
    }

    /** Makes requests for {@code fileName} send headers and a few bytes, then stall until {@link #close()}. */
    LoopbackMirror stallOn(String fileName) {
        stalled.add(fileName);
        return this;
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PREFIX);
    }

    int requestsFor(String fileName) {
        AtomicInteger count = requests.get(fileName);
        return count == null ? 0 : count.get();
    }

    int totalRequests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Returns a base URL on a loopback port that nothing listens on, so connections are refused. */
    static URI refusingUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + PREFIX);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String fileName = exchange.getRequestURI().getPath().substring(PREFIX.length());
        requests.computeIfAbsent(fileName, name -> new AtomicInteger()).incrementAndGet();

        if (stalled.contains(fileName)) {
            stall(exchange);
            return;
        }
        byte[] body = bodies.get(fileName);
        if (body == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void stall(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 1_000_000);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(new byte[] {0x1f, (byte) 0x8b});
            out.flush();
            released.await(STALL_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up and closed the connection, which is what a stall test expects.
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
