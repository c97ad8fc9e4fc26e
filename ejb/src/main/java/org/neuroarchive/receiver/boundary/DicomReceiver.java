package org.neuroarchive.receiver.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.BindException;
import java.util.logging.Logger;
import org.neuroarchive.common.control.Folders;
import org.neuroarchive.config.ReceiverSettings;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.dicom.StorageListener;
import org.neuroarchive.receiver.control.ReceivedObjects;
import org.neuroarchive.receiver.control.ReceiverStatus;

/**
 * The DICOM receiver starts and stops with the application: a C-STORE SCP feeding incomingdir (see
 * {@link ReceivedObjects}). A port already in use leaves it in state {@code failed} with a clear log
 * line; the rest of the application runs on.
 */
@Singleton
@Startup
@DependsOn("ApplicationStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DicomReceiver {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.receiver");

    @Inject
    ReceiverSettings settings;

    @Inject
    StorageLocations locations;

    @Inject
    ReceivedObjects objects;

    @Inject
    ReceiverStatus status;

    @Resource
    ManagedThreadFactory threads;

    private StorageListener listener;

    @PostConstruct
    void start() {
        String where = settings.aet() + " on " + settings.bindAddress() + ":" + settings.port();
        if (!settings.enabled()) {
            status.moveTo(ReceiverStatus.State.DISABLED, "disabled by neuroarchive.dicom.enabled=false", settings.aet(),
                    settings.bindAddress(), settings.port());
            LOG.info("DICOM receiver disabled (neuroarchive.dicom.enabled=false)");
            return;
        }
        // objects that were arriving when the server stopped never completed
        Folders.deleteTree(locations.receiving());
        try {
            listener = StorageListener.open(settings.bindAddress(), settings.port(), settings.aet(), locations.receiving(),
                    objects, threads);
            status.moveTo(ReceiverStatus.State.LISTENING, "accepting C-ECHO and C-STORE", settings.aet(),
                    settings.bindAddress(), settings.port());
            LOG.info(() -> "DICOM receiver " + where + " is listening"
                    + (settings.allowedCallingAets().isEmpty() ? "" : "; calling AE titles allowed: " + settings.allowedCallingAets()));
        } catch (BindException inUse) {
            fail("port " + settings.port() + " on " + settings.bindAddress() + " is in use or not available ("
                    + inUse.getMessage() + "): set neuroarchive.dicom.port (NEUROARCHIVE_DICOM_PORT) to a free port");
        } catch (IOException | RuntimeException e) {
            fail("could not listen on " + settings.bindAddress() + ":" + settings.port() + ": " + e.getMessage());
        }
    }

    private void fail(String reason) {
        status.moveTo(ReceiverStatus.State.FAILED, reason, settings.aet(), settings.bindAddress(), settings.port());
        LOG.severe(() -> "DICOM receiver not started: " + reason + ". The rest of NeuroArchive runs on.");
    }

    @PreDestroy
    void stop() {
        if (listener != null) {
            listener.close();
            LOG.info("DICOM receiver stopped");
        }
        status.stopped();
    }
}
