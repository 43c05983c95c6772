package dev.bobbin.examples.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class JobResourceTest {
    private static final String ID = "[A-Za-z0-9_-]{22,}";

    @Test
    void job_polledAfterItFinished_isHandedOutOnce() {
        ExtractableResponse<Response> started = start("millis=50");
        String id = started.path("id");
        assertThat(id).matches(ID);
        assertThat(started.header("Location")).endsWith("/jobs/" + id);

        given().queryParam("waitMs", 5_000)
                .get("/jobs/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("done"))
                .body("report.name", equalTo("report"))
                .body("report.outcome", equalTo("finished"))
                .body("report.reactorThread", startsWith("bobbin-reactor"));

        given().get("/jobs/{id}", id)
                .then()
                .statusCode(404)
                .body("error", equalTo("UnknownJob"))
                .body(
                        "message",
                        equalTo("job " + id
                                + ": unknown, expired or already handed out; a finished job is handed out once"));
    }

    @Test
    void job_stillRunning_isStashedAgainUnderANewId() {
        String first = start("millis=1500").path("id");

        ExtractableResponse<Response> polled = given().get("/jobs/{id}", first)
                .then()
                .statusCode(202)
                .body("status", equalTo("running"))
                .extract();
        String next = polled.path("id");
        assertThat(next).matches(ID).isNotEqualTo(first);
        assertThat(polled.header("Location")).endsWith("/jobs/" + next);

        given().get("/jobs/{id}", first).then().statusCode(404);
        given().queryParam("waitMs", 5_000)
                .get("/jobs/{id}", next)
                .then()
                .statusCode(200)
                .body("status", equalTo("done"));
    }

    @Test
    void job_whoseBodyThrows_reportsTheFailure_notTheStart() {
        String id = start("name=broken&fail=true").path("id");

        given().queryParam("waitMs", 5_000)
                .get("/jobs/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("failed"))
                .body("error.error", equalTo("IllegalArgumentException"))
                .body("error.message", equalTo("job broken: failed on purpose"));
    }

    @Test
    void job_cancelled_stopsTheWork_andIsGone() {
        int cancelledBefore = Probe.diagnostics().cancelledJobs();
        String id = start("millis=60000").path("id");

        given().delete("/jobs/{id}", id).then().statusCode(204);

        Probe.eventually().until(() -> Probe.diagnostics().cancelledJobs() == cancelledBefore + 1);
        given().get("/jobs/{id}", id).then().statusCode(404);
    }

    @Test
    void unknownId_answers404_withTheReason() {
        given().get("/jobs/{id}", "no-such-job")
                .then()
                .statusCode(404)
                .body(
                        "message",
                        equalTo(
                                "job no-such-job: unknown, expired or already handed out; a finished job is handed out once"));
        given().delete("/jobs/{id}", "no-such-job").then().statusCode(404);
    }

    private static ExtractableResponse<Response> start(String query) {
        return given().post("/jobs?" + query)
                .then()
                .statusCode(202)
                .body("status", equalTo("running"))
                .extract();
    }
}
