package dev.bobbin.examples.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.bobbin.EventualResult;
import dev.bobbin.Reactor;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@code bobbin.reactor.loop=vertx}: the reactor is one Vert.x event-loop context, Bobbin starts no thread. */
@QuarkusTest
@TestProfile(VertxLoopProfile.class)
class VertxLoopTest {
    @Inject
    Reactor reactor;

    @Inject
    QuoteService quotes;

    @Inject
    RequestScopedProbe requestScoped;

    @Test
    void noBobbinThread_runs_andTheLoopIsAVerticle() {
        Probe.eventually().until(() -> Probe.diagnostics().reactorThreads().isEmpty());
        Diagnostics.Snapshot now = Probe.diagnostics();
        assertThat(now.loop()).isEqualTo("vertx");
        assertThat(now.running()).isTrue();
        assertThat(now.verticles()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void everyCall_runsOnTheSameEventLoopThread() {
        Set<String> threads = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            threads.add(given().get("/quotes/ACME")
                    .then()
                    .statusCode(200)
                    .body("callerThread", startsWith("executor-thread"))
                    .extract()
                    .path("reactorThread"));
        }
        assertThat(threads).hasSize(1);
        assertThat(threads.iterator().next()).startsWith("vert.x-eventloop-thread-");
    }

    @Test
    void job_runsOnTheEventLoop_andIsHandedOutOnce() {
        String id =
                given().post("/jobs?millis=50").then().statusCode(202).extract().path("id");

        given().queryParam("waitMs", 5_000)
                .get("/jobs/{id}", id)
                .then()
                .statusCode(200)
                .body("report.reactorThread", startsWith("vert.x-eventloop-thread-"));
        given().get("/jobs/{id}", id).then().statusCode(404);
    }

    @Test
    void timeout_answers504_andCancelsTheRequest() {
        int cancelledBefore = Probe.diagnostics().cancelledQuotes();

        given().queryParam("delayMs", 5_000)
                .get("/quotes/ACME/slow")
                .then()
                .statusCode(504)
                .body("error", equalTo("ReactorTimeoutException"));

        Probe.eventually().until(() -> Probe.diagnostics().cancelledQuotes() == cancelledBefore + 1);
    }

    @Test
    void everyTask_runsInAFreshRequestContext_onTheEventLoop() {
        String first = reactor.waitFor(Duration.ofSeconds(5), () -> requestScoped.id());
        String second = reactor.waitFor(Duration.ofSeconds(5), () -> requestScoped.id());

        assertThat(first).isNotEqualTo(second);
        assertThat(reactor.waitFor(Duration.ofSeconds(5), () -> reactor.isReactorThread()))
                .isTrue();
        assertThat(reactor.isReactorThread()).isFalse();
    }

    @Test
    void waitingOnTheLoop_isRefused() {
        EventualResult<String> nested = reactor.runInReactor(
                () -> EventualResult.of(quotes.quote("ACME").price()));

        assertThatThrownBy(() -> nested.await(Duration.ofSeconds(5)))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("QuoteService#quote(String): must not wait on a reactor thread");
    }

    @Test
    void waitingOnAnEventLoop_isStillRefused() {
        given().get("/quotes/ACME/on-event-loop")
                .then()
                .statusCode(500)
                .body("error", equalTo("IllegalStateException"));
    }
}
