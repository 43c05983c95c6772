package dev.bobbin.core;

import java.lang.System.Logger.Level;

/** One unit of work on the reactor thread: a call's body (with its result) or a plain runnable. */
final class ReactorTask implements Runnable {
    /** A {@code @WaitFor} body: its value, or the work it hands over, completes the result. */
    static final int WAIT_FOR = 0;
    /** A {@code @RunInReactor} body: the result follows what it returns. */
    static final int FOLLOW = 1;
    /** A {@code @WaitFor} body of a primitive type (see {@link #execute()}). */
    static final int WAIT_FOR_PRIMITIVE = 2;

    private static final int PLAIN = 3;

    private final ReactorRuntime runtime;
    private final Eventual<?> result;
    private final Body body;
    private final Runnable plain;
    private final int kind;

    ReactorTask(ReactorRuntime runtime, Eventual<?> result, Body body, int kind) {
        this.runtime = runtime;
        this.result = result;
        this.body = body;
        this.plain = null;
        this.kind = kind;
    }

    ReactorTask(ReactorRuntime runtime, Runnable plain) {
        this.runtime = runtime;
        this.result = null;
        this.body = null;
        this.plain = plain;
        this.kind = PLAIN;
    }

    /** Whether a virtual thread made this call: the loop does not spin after its task (see {@link OwnLoop}). */
    boolean fromVirtualCaller() {
        return result != null && result.fromVirtual;
    }

    @Override
    public void run() {
        runtime.run(this);
    }

    /** Called by the runtime inside the task context; what it throws goes to {@link #failed}. */
    void execute() throws Exception {
        if (kind == PLAIN) {
            plain.run();
            return;
        }
        if (!Eventual.isPending(result.stateOrPending())) {
            return; // cancelled or stopped before it started: the body is skipped
        }
        if (kind != FOLLOW) {
            HandOff slot = HandOff.open();
            Object value = null;
            Object handed;
            try {
                value = body.proceed();
            } catch (NullPointerException e) {
                // `int m() { return WaitFor.Result.from(uni); }` unboxes the null placeholder after the
                // hand-over: the work was handed over, so follow it rather than fail the call.
                if (kind != WAIT_FOR_PRIMITIVE || slot.handedOver() == null) {
                    throw e;
                }
            } finally {
                handed = slot.close();
            }
            if (handed != null) {
                result.follow(handed);
            } else {
                result.succeed(value);
            }
        } else {
            Object returned = body.proceed();
            if (result.fireAndForget) {
                result.succeed(null);
            } else if (returned == null) {
                result.fail(Messages.nullEventualResult(result.what));
            } else {
                result.follow(returned);
            }
        }
    }

    void failed(Throwable failure) {
        if (result != null) {
            result.fail(failure);
        } else {
            Log.log(Log.REACTOR, Level.WARNING, Messages.taskFailed(), failure);
        }
    }
}
