package org.neuroarchive.audit.control;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import java.util.function.Supplier;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.common.control.RequestRejected;

/**
 * Runs a state change and writes its audit row however it ends: allowed when it returns, refused when
 * a permission or a rule says no ({@link RequestRejected}, {@link EJBAccessException}), failed when
 * it breaks. The row has a transaction of its own ({@link AuditTrail#record}), so it stays when the
 * action rolls back. The action may add details (the project, the object) to the event as it learns them.
 */
public final class AuditedAction {

    private AuditedAction() {
    }

    public static <T> T run(AuditTrail trail, AuditEvent.Builder event, Supplier<T> action) {
        T result;
        try {
            result = action.get();
        } catch (RequestRejected rejected) {
            trail.record(event.refused(rejected.getMessage()));
            throw rejected;
        } catch (EJBAccessException denied) {
            trail.record(event.refused("the caller's roles do not allow this"));
            throw denied;
        } catch (EJBException failed) {
            if (failed.getCause() instanceof RequestRejected rejected) {
                trail.record(event.refused(rejected.getMessage()));
            } else {
                trail.record(event.failed(describe(failed)));
            }
            throw failed;
        } catch (RuntimeException failed) {
            trail.record(event.failed(describe(failed)));
            throw failed;
        }
        trail.record(event);
        return result;
    }

    public static void run(AuditTrail trail, AuditEvent.Builder event, Runnable action) {
        run(trail, event, () -> {
            action.run();
            return null;
        });
    }

    static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
