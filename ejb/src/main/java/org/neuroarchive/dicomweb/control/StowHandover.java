package org.neuroarchive.dicomweb.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.neuroarchive.config.ClusterSettings;
import org.neuroarchive.config.ReceiverSettings;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.importing.control.ScanTrigger;
import org.neuroarchive.receiver.control.ReceivedBatches;

/**
 * Hands the whole objects of a STOW-RS request to the global import the way the DICOM receiver hands
 * over an association's objects: a STOW request is like one association. Each object is renamed into
 * a hidden batch folder of the request below {@code incomingdir/received/dicomweb/} under a name of our
 * own ({@link ReceivedBatches}), the batch is released by one rename when the request's objects are all
 * in it (earlier when it holds {@code neuroarchive.dicom.batch-objects}), and a scan is asked for. A
 * batch a crash left hidden is released at the next start, with the receiver's
 * ({@link ReceivedBatches#recover}). The import files the objects by its usual rules (no project is
 * implied by the folder).
 */
@ApplicationScoped
public class StowHandover {

    /**
     * The folder below incomingdir/received. A peer with the AE title {@code dicomweb} and no project would
     * share it, harmlessly: both are filed by the import's usual rules.
     */
    static final String FOLDER = "dicomweb";
    private static final Logger LOG = Logger.getLogger("org.neuroarchive.dicomweb");

    @Inject
    StorageLocations locations;

    @Inject
    ReceiverSettings settings;

    @Inject
    ClusterSettings cluster;

    @Inject
    ScanTrigger scans;

    private final AtomicLong requests = new AtomicLong();
    private ReceivedBatches batches;

    @PostConstruct
    void init() {
        batches = new ReceivedBatches(cluster.node(), settings.batchObjects(), Duration.ofSeconds(settings.batchSeconds()));
    }

    /**
     * Hands over {@code files} (whole objects in the request's folder below incoming.receiving); answers
     * those that could not be taken (they stay where they were).
     */
    public List<Path> handOver(List<Path> files) {
        long request = requests.incrementAndGet();
        Path folder = locations.received().resolve(FOLDER);
        List<Path> notTaken = new ArrayList<>();
        boolean released = false;
        for (Path file : files) {
            try {
                released |= batches.add(request, folder, file);
            } catch (IOException | RuntimeException e) {
                LOG.warning(() -> "a STOW-RS object could not be put into incomingdir: " + e);
                notTaken.add(file);
            }
        }
        released |= batches.end(request);
        if (released) {
            scans.scanSoon();
        }
        return notTaken;
    }
}
