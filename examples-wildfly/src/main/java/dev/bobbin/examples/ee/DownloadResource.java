package dev.bobbin.examples.ee;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import dev.bobbin.EventualResult;
import dev.bobbin.ReactorTimeoutException;
import dev.bobbin.ResultStore;

/**
 * Crochet's flagship web example: the first visit starts a background download and keeps its stash id in
 * the {@link HttpSession}; every refresh shows "in progress", the page, or the failure with its original
 * stack.
 * <p>
 * It downloads this application's own {@link SamplePage} (a slow local page), so it needs no internet;
 * {@code delayMs} and {@code status} are passed on to it.
 */
@Path("download")
public class DownloadResource {
    static final String SESSION_KEY = "download";

    @Inject
    Downloads downloads;

    @Inject
    ResultStore results;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String refresh(
            @QueryParam("delayMs") @DefaultValue("1000") long delayMs,
            @QueryParam("status") @DefaultValue("200") int status) {
        HttpSession session = request.getSession();
        String id = (String) session.getAttribute(SESSION_KEY);
        if (id == null) {
            URI page = uri.getBaseUriBuilder()
                    .path(SamplePage.class)
                    .queryParam("delayMs", delayMs)
                    .queryParam("status", status)
                    .build();
            session.setAttribute(SESSION_KEY, downloads.download(page).stash());
            return "Starting download, refresh to track progress.";
        }
        session.removeAttribute(SESSION_KEY);
        Optional<EventualResult<?>> stashed = results.retrieve(id);
        if (stashed.isEmpty()) {
            return "No such download (expired?); refresh to start again.";
        }
        EventualResult<?> download = stashed.get();
        try {
            return "Downloaded: " + download.await(Duration.ofMillis(100));
        } catch (ReactorTimeoutException e) {
            session.setAttribute(SESSION_KEY, download.stash());
            return "Download in progress...";
        } catch (RuntimeException e) {
            // The failure as the download saw it, with its own stack (Crochet's original_failure()).
            return "Download failed:\n" + stackTrace(download.originalFailure().orElse(e));
        }
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
