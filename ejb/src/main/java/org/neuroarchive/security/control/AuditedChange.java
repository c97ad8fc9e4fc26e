package org.neuroarchive.security.control;

import jakarta.ejb.EJBAccessException;
import java.util.function.Supplier;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.common.control.RequestRejected;

/**
 * Runs a change and writes its one audit row: allowed when it went through, refused (with the reason
 * given to the caller) when a rule said no, failed when it broke. The change flushes its writes before it
 * returns, so that an allowed row is never written for a change the database then refuses.
 */
final class AuditedChange {

    private AuditedChange() {
    }

    static <T> T run(AuditTrail audit, AuditEvent.Builder event, Supplier<T> change) {
        T result;
        try {
            result = change.get();
        } catch (RequestRejected rejected) {
            audit.record(event.refused(rejected.getMessage()));
            throw rejected;
        } catch (EJBAccessException denied) {
            audit.record(event.refused("the caller's roles do not allow this"));
            throw denied;
        } catch (RuntimeException failed) {
            audit.record(event.failed(failed.getClass().getSimpleName()
                    + (failed.getMessage() == null ? "" : ": " + AdminInput.printable(failed.getMessage()))));
            throw failed;
        }
        audit.record(event);
        return result;
    }

    static void run(AuditTrail audit, AuditEvent.Builder event, Runnable change) {
        run(audit, event, () -> {
            change.run();
            return null;
        });
    }
}
