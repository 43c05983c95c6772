package dev.bobbin.examples.ee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The example through real HTTP, as a browser would use it (the session cookie carries the stash id). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HttpFlowIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.example("flow.war");
    }

    @ArquillianResource
    URL base;

    @Test
    void download_startsThenShowsProgressThenThePage() {
        Http browser = new Http(base);

        assertThat(browser.get("api/download?delayMs=3000").body())
                .isEqualTo("Starting download, refresh to track progress.");
        assertThat(browser.cookies()).anyMatch(cookie -> cookie.getName().equalsIgnoreCase("JSESSIONID"));
        assertThat(browser.get("api/download").body()).isEqualTo("Download in progress...");
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> lastBody(browser), body -> !body.equals("Download in progress..."));
        assertThat(lastBody).isEqualTo("Downloaded: " + SamplePage.TEXT);
        // showing it consumed the finished result; the next visit starts over
        assertThat(browser.get("api/download").body()).isEqualTo("Starting download, refresh to track progress.");
    }

    @Test
    void download_showsThePageOnceDone() {
        Http browser = new Http(base);

        browser.get("api/download?delayMs=0");

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> lastBody(browser), body -> body.startsWith("Downloaded"));
        assertThat(lastBody).isEqualTo("Downloaded: " + SamplePage.TEXT);
    }

    @Test
    void failedDownload_showsTheOriginalFailureWithItsStack() {
        Http browser = new Http(base);

        browser.get("api/download?delayMs=0&status=500");

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> lastBody(browser), body -> !body.equals("Download in progress..."));
        // WildFly prefixes stack frames with the module: "at deployment.flow.war//dev.bobbin..."
        assertThat(lastBody)
                .startsWith("Download failed:\ndev.bobbin.examples.ee.Downloads$DownloadFailedException: GET ")
                .contains("/api/sample?delayMs=0&status=500: HTTP 500")
                .contains("dev.bobbin.examples.ee.Downloads.fetch(Downloads.java:");
    }

    @Test
    void twoBrowsers_haveTheirOwnDownloads() {
        Http alice = new Http(base);
        Http bob = new Http(base);

        assertThat(alice.get("api/download?delayMs=1000").body()).startsWith("Starting");
        assertThat(bob.get("api/download?delayMs=1000").body()).startsWith("Starting");

        for (Http browser : new Http[] {alice, bob}) {
            // each session follows its own download to the end
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> lastBody(browser), body -> !body.equals("Download in progress..."));
            assertThat(lastBody).isEqualTo("Downloaded: " + SamplePage.TEXT);
        }
    }

    @Test
    void blockingEndpoint_answersFromTheReactor() {
        HttpResponse<String> response = new Http(base).get("api/blocking?name=http&delayMs=100");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("Hello, http (from bobbin-reactor");
    }

    @Test
    void blockingEndpoint_timesOutAfterTwoSeconds() {
        long start = System.nanoTime();
        HttpResponse<String> response = new Http(base).get("api/blocking?delayMs=30000");

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).contains("Greetings#greet(");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    private String lastBody;

    private String lastBody(Http browser) {
        lastBody = browser.get("api/download").body();
        return lastBody;
    }
}
