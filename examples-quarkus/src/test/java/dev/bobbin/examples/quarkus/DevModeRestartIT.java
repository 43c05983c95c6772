package dev.bobbin.examples.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * Quarkus dev mode for real ({@code mvn quarkus:dev} on a copy of this application): every live reload
 * stops the old application and starts a new one in the same JVM, with Bobbin's jar loaded once for
 * both. Each stop must wake the waiters of pending jobs with {@code ReactorStoppedException} (503) and end
 * its reactor; each start must get a new, working reactor; nothing may pile up across restarts.
 */
class DevModeRestartIT {
    private static final Duration START = Duration.ofMinutes(4);
    private static final Duration RELOAD = Duration.ofSeconds(90);

    private static Path app;
    private static Process devMode;
    private static int port;
    private static int reloads;

    @BeforeAll
    static void startDevMode() throws IOException {
        Path base = Path.of(System.getProperty("project.basedir", "."));
        app = base.resolve("target/dev-mode-restart");
        deleteTree(app);
        copyTree(base.resolve("src/main"), app.resolve("src/main"));
        Files.copy(base.resolve("pom.xml"), app.resolve("pom.xml"));
        port = freePort();
        String mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn").toString();
        devMode = new ProcessBuilder(
                        mvn,
                        "-B",
                        "quarkus:dev",
                        "-Dquarkus.http.port=" + port,
                        "-Ddebug=false",
                        "-Djvm.args=-Xmx384m",
                        "-Dquarkus.console.enabled=false",
                        "-Dquarkus.test.continuous-testing=disabled")
                .directory(app.toFile())
                .redirectErrorStream(true)
                .redirectOutput(app.resolve("dev-mode.log").toFile())
                .start();
        Awaitility.await("dev mode started (see " + app.resolve("dev-mode.log") + ")")
                .atMost(START)
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> diagnostics() != null);
    }

    @AfterAll
    static void stopDevMode() throws InterruptedException {
        if (devMode == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(devMode.descendants(), Stream.of(devMode.toHandle()))
                .toList();
        tree.forEach(ProcessHandle::destroy);
        if (!devMode.waitFor(20, TimeUnit.SECONDS)) {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void everyRestart_wakesWaiters_endsTheOldReactor_andStartsANewOne() {
        Diagnostics.Snapshot first = diagnostics();
        assertThat(first.loop()).isEqualTo("own");
        assertThat(first.reactorThreads()).hasSize(1);
        CompletableFuture<Response> waiter = waitForNeverEndingJob();

        Diagnostics.Snapshot second = reload(first, "bobbin.reactor.loop=own");

        assertStoppedWhileWaiting(waiter);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> diagnostics().reactorThreads().size() == 1);
        List<String> threads = diagnostics().reactorThreads();
        assertThat(threads).doesNotContainAnyElementsOf(first.reactorThreads());
        assertThat(quoteThread())
                .isEqualTo(threads.get(0).substring(0, threads.get(0).indexOf('#')));

        // the Vert.x loop: the own thread ends and none replaces it
        Diagnostics.Snapshot third = reload(second, "bobbin.reactor.loop=vertx");
        assertThat(third.loop()).isEqualTo("vertx");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> diagnostics().reactorThreads().isEmpty());
        assertThat(quoteThread()).startsWith("vert.x-eventloop-thread-");
        CompletableFuture<Response> loopWaiter = waitForNeverEndingJob();

        Diagnostics.Snapshot fourth = reload(third, "bobbin.reactor.loop=vertx");

        assertStoppedWhileWaiting(loopWaiter);
        assertThat(fourth.reactorThreads()).isEmpty();
        // dev mode keeps Vert.x across restarts and undeploys every verticle but its own at each stop
        assertThat(fourth.verticles())
                .as("the old application's verticle is gone")
                .isEqualTo(third.verticles());
        assertThat(quoteThread()).startsWith("vert.x-eventloop-thread-");
    }

    /** Starts a job that never ends and a client long-polling it (for up to two minutes). */
    private static CompletableFuture<Response> waitForNeverEndingJob() {
        String id = given().port(port)
                .post("/jobs?millis=600000")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        CompletableFuture<Response> waiter = CompletableFuture.supplyAsync(
                () -> given().port(port).queryParam("waitMs", 120_000).get("/jobs/{id}", id));
        // the poll must be waiting inside the application before it restarts
        Awaitility.await()
                .during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> !waiter.isDone());
        return waiter;
    }

    private static void assertStoppedWhileWaiting(CompletableFuture<Response> waiter) {
        Response response = Awaitility.await("the waiting poll answered")
                .atMost(Duration.ofSeconds(10))
                .until(() -> waiter.getNow(null), r -> r != null);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
        assertThat(response.<String>path("error")).isEqualTo("ReactorStoppedException");
    }

    /** Rewrites the configuration (dev mode restarts on it) and waits until the new application answers. */
    private static Diagnostics.Snapshot reload(Diagnostics.Snapshot before, String loopSetting) {
        Path properties = app.resolve("src/main/resources/application.properties");
        try {
            String text = Files.readString(properties).replaceAll("(?m)^bobbin\\.reactor\\.loop=.*$", loopSetting);
            Files.writeString(properties, text + "\n# reload " + ++reloads + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Awaitility.await("live reload " + reloads)
                .atMost(RELOAD)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(
                        DevModeRestartIT::diagnostics,
                        now -> now != null && !now.instance().equals(before.instance()));
    }

    private static String quoteThread() {
        return given().port(port)
                .get("/quotes/ACME")
                .then()
                .statusCode(200)
                .extract()
                .path("reactorThread");
    }

    private static Diagnostics.Snapshot diagnostics() {
        return given().port(port)
                .get("/diagnostics")
                .then()
                .statusCode(200)
                .extract()
                .as(Diagnostics.Snapshot.class);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path :
                    paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
