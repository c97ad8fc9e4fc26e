package org.neuroarchive.individual.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.neuroarchive.cluster.control.LostNodeWork;

/** A lost node's individual imports: its uploads are reported failed, its parses queued again (any node takes them). */
@ApplicationScoped
public class LostNodeImports implements LostNodeWork {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    @Inject
    ImportRecovery recovery;

    @Override
    public void takeOver(String node) {
        try {
            recovery.recoverNode(node);
        } catch (RuntimeException e) {
            LOG.warning(() -> "individual imports of lost node " + node + " not resumed (its restart will): " + e);
        }
    }
}
