package dev.bobbin.examples.quarkus;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.bobbin.ReactorStoppedException;
import dev.bobbin.ReactorTimeoutException;

/** Maps Bobbin's exceptions to HTTP: a reactor that did not answer in time is a gateway timeout. */
public class BobbinExceptionMappers {

    @ServerExceptionMapper
    Response timedOut(ReactorTimeoutException e) {
        return Problem.response(Response.Status.GATEWAY_TIMEOUT, e);
    }

    @ServerExceptionMapper
    Response stopped(ReactorStoppedException e) {
        return Problem.response(Response.Status.SERVICE_UNAVAILABLE, e);
    }
}
