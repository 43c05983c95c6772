package dev.bobbin.examples.quarkus;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.bobbin.EventualResult;
import dev.bobbin.ReactorStoppedException;
import dev.bobbin.ReactorTimeoutException;
import dev.bobbin.ResultStore;

/**
 * "Start a job, poll for it": the job's result is stashed and the client holds only its id. A poll takes
 * the result out of the store; if it is not ready yet it is stashed again under a new id, so a finished
 * job is handed out exactly once.
 */
@Path("/jobs")
public class JobResource {
    @Inject
    JobService jobs;

    @Inject
    ResultStore store;

    @Context
    UriInfo uri;

    /**
     * @param name the job's name
     * @param millis how long it takes
     * @param fail whether it fails
     * @return 202 with the id to poll (also in {@code Location})
     */
    @POST
    public Response start(
            @QueryParam("name") @DefaultValue("report") String name,
            @QueryParam("millis") @DefaultValue("200") long millis,
            @QueryParam("fail") @DefaultValue("false") boolean fail) {
        return running(jobs.start(name, millis, fail).stash());
    }

    /**
     * @param id the id from the last answer
     * @param waitMillis how long to wait for the job to finish before answering "still running"
     * @return 200 done or failed (the id is then used up), 202 still running with a new id, 404 for an
     *     unknown, expired or used-up id
     */
    @GET
    @Path("/{id}")
    public Response poll(@PathParam("id") String id, @QueryParam("waitMs") @DefaultValue("0") long waitMillis) {
        Optional<EventualResult<?>> found = store.retrieve(id);
        if (found.isEmpty()) {
            return unknown(id);
        }
        EventualResult<?> job = found.get();
        try {
            return Response.ok(JobStatus.done(id, job.await(Duration.ofMillis(waitMillis))))
                    .build();
        } catch (ReactorTimeoutException stillRunning) {
            return running(job.stash());
        } catch (ReactorStoppedException stopped) {
            throw stopped;
        } catch (RuntimeException failed) {
            return Response.ok(JobStatus.failed(id, failed)).build();
        }
    }

    /**
     * @param id the id from the last answer
     * @return 204 once the job is cancelled, 404 for an unknown id
     */
    @DELETE
    @Path("/{id}")
    public Response cancel(@PathParam("id") String id) {
        Optional<EventualResult<?>> found = store.retrieve(id);
        if (found.isEmpty()) {
            return unknown(id);
        }
        found.get().cancel();
        return Response.noContent().build();
    }

    private Response running(String id) {
        URI next = uri.getBaseUriBuilder().path(JobResource.class).path(id).build();
        return Response.accepted(JobStatus.running(id)).location(next).build();
    }

    private static Response unknown(String id) {
        return Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.APPLICATION_JSON)
                .entity(new Problem(
                        "UnknownJob",
                        "job " + id + ": unknown, expired or already handed out; a finished job is handed out once"))
                .build();
    }
}
