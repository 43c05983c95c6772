package dev.bobbin.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The demo's own HTTP server on 127.0.0.1: a fast quote, a slow one, and a "file" to download. */
final class QuoteServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(2, daemon("demo-http"));
    private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor(daemon("demo-delay"));

    QuoteServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/quote", exchange -> reply(exchange, "ACME 42.17"));
        // answers after 30 s: longer than any caller waits
        server.createContext(
                "/slow", exchange -> delays.schedule(() -> reply(exchange, "too late"), 30, TimeUnit.SECONDS));
        server.createContext("/report.csv", exchange -> reply(exchange, "day,visits\n".repeat(2_000)));
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static Void reply(HttpExchange exchange, String body) {
        try (exchange;
                OutputStream out = exchange.getResponseBody()) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            out.write(bytes);
        } catch (IOException e) {
            // the client went away (e.g. its call was cancelled): nothing to do
        }
        return null;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        delays.shutdownNow();
    }
}
