package org.neuroarchive.security.control;

import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.neuroarchive.audit.entity.Actor;

/** The callers looked up during one request (an HTTP request, a message, a timer tick). */
@RequestScoped
public class CallerMemo {

    private final Map<String, Caller> callers = new HashMap<>();
    private Actor actingFor;

    public Caller get(String principal, Function<String, Caller> load) {
        return callers.computeIfAbsent(principal, load);
    }

    /** The person on whose behalf the system works during this request (a message's {@code actor}), or null. */
    public Actor actingFor() {
        return actingFor;
    }

    public void actFor(Actor actor) {
        this.actingFor = actor;
    }

    /** Forgets what was looked up (after the caller's own account or grants changed). */
    public void clear() {
        callers.clear();
    }
}
