package org.neuroarchive.receiver.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.neuroarchive.cluster.control.LostNodeWork;
import org.neuroarchive.importing.control.ScanTrigger;

/**
 * A lost node's received objects: the batches it had acknowledged but not handed over yet go to the
 * import, and what was still arriving (its peers were never told it was stored) is removed.
 */
@ApplicationScoped
public class LostNodeArrivals implements LostNodeWork {

    @Inject
    ReceivedObjects objects;

    @Inject
    ScanTrigger scans;

    @Override
    public void takeOver(String node) {
        if (objects.recover(node, "node " + node) > 0) {
            scans.scanSoon();
        }
    }
}
