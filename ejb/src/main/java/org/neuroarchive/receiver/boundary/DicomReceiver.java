package org.neuroarchive.receiver.boundary;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
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
import org.neuroarchive.dicom.DicomPeer;
import org.neuroarchive.dicom.ListenerSettings;
import org.neuroarchive.dicom.StorageListener;
import org.neuroarchive.matching.control.ProjectResolver;
import org.neuroarchive.receiver.control.ReceivedObjects;
import org.neuroarchive.receiver.control.ReceiverConfiguration;
import org.neuroarchive.receiver.control.ReceiverStatus;

/**
 * The DICOM receiver starts and stops with the application: a C-STORE SCP feeding incomingdir (see
 * {@link ReceivedObjects}), for the peers and within the limits of its {@link ReceiverConfiguration}.
 * Every second it hands the batches of received objects that are old enough to the import.
 * A port already in use or a configuration that cannot work leaves it in state {@code failed} with a
 * clear log line; the rest of the application runs on.
 */
@Singleton
@Startup
@DependsOn("ApplicationStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RunAs(Roles.SYSTEM)
@PermitAll
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

    @Inject
    ProjectResolver projects;

    @Resource
    ManagedThreadFactory threads;

    private StorageListener listener;

    @PostConstruct
    void start() {
        // batches of acknowledged objects that a stop or crash left hidden: to the import, listening or not;
        // objects that were arriving when the server stopped never completed, over DICOM or in a STOW-RS
        // request (its folder stow-*): nobody was told they were stored; removed, listening or not
        objects.recoverBatches();
        if (!settings.enabled()) {
            status.moveTo(ReceiverStatus.State.DISABLED, "disabled by neuroarchive.dicom.enabled=false", settings.aet(),
                    settings.bindAddress(), settings.port());
            LOG.info("DICOM receiver disabled (neuroarchive.dicom.enabled=false)");
            return;
        }
        ReceiverConfiguration configuration;
        try {
            configuration = ReceiverConfiguration.of(settings);
        } catch (IllegalArgumentException wrong) {
            fail(wrong.getMessage());
            return;
        }
        configuration.warnings().forEach(LOG::warning);
        ListenerSettings listening = configuration.listener();
        warnAboutMissingProjects(listening);
        try {
            listener = StorageListener.open(listening, locations.receiving(), objects, threads);
            status.moveTo(ReceiverStatus.State.LISTENING, listening.peers().isEmpty()
                            ? "no peers listed (neuroarchive.dicom.peers): every association is refused"
                            : "accepting C-ECHO and C-STORE", settings.aet(), settings.bindAddress(), listener.port());
            status.tlsPort(listener.tlsPort() < 0 ? null : listener.tlsPort());
            LOG.info(() -> "DICOM receiver " + settings.aet() + " is listening on " + settings.bindAddress()
                    + (listener.port() < 0 ? "" : " port " + listener.port())
                    + (listener.tlsPort() < 0 ? "" : " TLS port " + listener.tlsPort()
                       + (listening.tls().clientCertificates() ? " (client certificates required)" : ""))
                    + "; peers: " + listening.peers() + "; limits: " + listening.limits());
        } catch (BindException inUse) {
            fail("port " + settings.port() + (listening.tls() == null ? "" : " or " + listening.tls().port()) + " on "
                    + settings.bindAddress() + " is in use or not available (" + inUse.getMessage()
                    + "): set neuroarchive.dicom.port (NEUROARCHIVE_DICOM_PORT) to a free port");
        } catch (IOException | RuntimeException e) {
            fail("could not listen on " + settings.bindAddress() + ":" + settings.port() + ": " + e.getMessage());
        }
    }

    /** A peer's project that does not exist (yet) makes its series fail until someone creates it: say so now. */
    private void warnAboutMissingProjects(ListenerSettings listening) {
        if (projects == null) {
            return;
        }
        for (DicomPeer peer : listening.peers().list()) {
            try {
                if (peer.costcenter() != null && projects.byCostcenter(peer.costcenter()).isEmpty()) {
                    LOG.warning(() -> "DICOM peer " + peer.text() + " files into project " + peer.costcenter()
                            + ", which does not exist: its series fail until the project is created");
                }
            } catch (RuntimeException e) {
                LOG.warning(() -> "could not check the project of DICOM peer " + peer.text() + ": " + e);
            }
        }
    }

    /** Hands over the received batches that are old enough, so that an idle open association keeps none back. */
    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "received batches")
    @Lock(LockType.READ)
    void releaseDueBatches() {
        if (listener != null) {
            objects.releaseDueBatches();
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
