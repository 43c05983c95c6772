package dev.bobbin.examples.quarkus;

import static io.restassured.RestAssured.given;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** What the tests read from the running application over HTTP. */
final class Probe {
    private Probe() {}

    static Diagnostics.Snapshot diagnostics() {
        return given().get("/diagnostics").then().statusCode(200).extract().as(Diagnostics.Snapshot.class);
    }

    /** Deadline for anything asynchronous: generous on a shared 2-core machine, never a sleep. */
    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20));
    }
}
