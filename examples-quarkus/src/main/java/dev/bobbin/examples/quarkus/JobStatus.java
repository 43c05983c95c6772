package dev.bobbin.examples.quarkus;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a client learns about a job: {@code running} with the id to poll next, {@code done} with the
 * report, or {@code failed} with the reason.
 *
 * @param id the id to poll next (running), or the id that was polled
 * @param status {@code running}, {@code done} or {@code failed}
 * @param report the job's report, when done
 * @param error why it failed, when failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobStatus(String id, String status, Object report, Problem error) {

    static JobStatus running(String id) {
        return new JobStatus(id, "running", null, null);
    }

    static JobStatus done(String id, Object report) {
        return new JobStatus(id, "done", report, null);
    }

    static JobStatus failed(String id, Throwable failure) {
        return new JobStatus(id, "failed", null, new Problem(failure.getClass().getSimpleName(), failure.getMessage()));
    }
}
