package dev.bobbin.examples.quarkus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class QuoteResourceTest {

    @Test
    void quote_runsOnTheReactor_whileTheWorkerThreadWaits() {
        given().get("/quotes/ACME")
                .then()
                .statusCode(200)
                .body("symbol", equalTo("ACME"))
                .body("price", matchesPattern("\\d+\\.\\d\\d"))
                .body("reactorThread", startsWith("bobbin-reactor"))
                .body("callerThread", startsWith("executor-thread"));
    }

    @Test
    void slowQuote_inTime_returnsTheQuote() {
        given().queryParam("delayMs", 20)
                .get("/quotes/ACME/slow")
                .then()
                .statusCode(200)
                .body("price", matchesPattern("\\d+\\.\\d\\d"));
    }

    @Test
    void slowQuote_afterTimeout_answers504_andCancelsTheRequest() {
        int cancelledBefore = Probe.diagnostics().cancelledQuotes();

        given().queryParam("delayMs", 5_000)
                .get("/quotes/ACME/slow")
                .then()
                .statusCode(504)
                .body("error", equalTo("ReactorTimeoutException"))
                .body(
                        "message",
                        equalTo(
                                "QuoteService#slowQuote(String, long): no result within 500 ms; the work was cancelled"));

        Probe.eventually().until(() -> Probe.diagnostics().cancelledQuotes() == cancelledBefore + 1);
    }

    @Test
    void quote_onTheEventLoop_isRefusedBeforeAnythingIsScheduled() {
        given().get("/quotes/ACME/on-event-loop")
                .then()
                .statusCode(500)
                .body("error", equalTo("IllegalStateException"))
                .body(
                        "message",
                        matchesPattern("QuoteService#quote\\(String\\): must not wait on thread "
                                + "'vert\\.x-eventloop-thread-\\d+', which must not block \\(an event loop\\);"
                                + " call it from a worker thread"));
    }
}
