package org.neuroarchive.dicomweb.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.common.control.Folders;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.config.ReceiverSettings;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.dicom.DicomFormatException;
import org.neuroarchive.dicom.DicomHeader;
import org.neuroarchive.dicom.DicomReader;
import org.neuroarchive.security.control.Callers;

/**
 * DICOMweb STOW-RS: the objects of one request enter the one archive pipeline as received objects, like
 * the objects of one DICOM association, with the caller as the actor. Each part is written to a file
 * of the request's own folder below {@code incoming.receiving} (named by us: nothing the client sends
 * chooses a path) within the receiver's limits, then read completely ({@link DicomReader#inspect}):
 * a part that is not DICOM, is truncated, lacks its UIDs, is not {@code application/dicom}, or belongs
 * to another study than the one the request names, is refused with its Failure Reason and changes
 * nothing else. When the body has been read to its end, the whole objects are handed to the global
 * import together ({@link StowHandover}); a body that breaks off (the connection, or the request limit)
 * stores nothing. Whatever was not handed over is deleted with the request's folder. One audit row
 * ({@code dicomweb.stow}) names the caller and what became of the objects.
 * <p>
 * "Stored" means what a C-STORE success means from the receiver: the object is whole, readable DICOM,
 * renamed into incomingdir and handed to the import, which archives it (or files it as a problem) on its
 * own; it survives a restart from there.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RolesAllowed(Roles.IMPORTER)
public class StowService {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.dicomweb");
    private static final String DICOM = "application/dicom";

    @Inject
    StorageLocations locations;

    @Inject
    ReceiverSettings limits;

    @Inject
    StowHandover handover;

    @Inject
    Callers callers;

    @Inject
    AuditTrail audit;

    private final DicomReader reader = new DicomReader();

    /** A whole object waiting to be handed over. */
    private record Accepted(Path file, StowResult.Stored object) {
    }

    /**
     * Stores the parts of one request; {@code studyInstanceUid} is the study the request's path names
     * ({@code null}: any). An {@link IOException} means the body broke off (nothing was stored).
     */
    @RolesAllowed(Roles.IMPORTER)
    public StowResult store(StowParts parts, String studyInstanceUid) throws IOException {
        Actor actor = callers.current().actor();
        Path folder = Files.createDirectories(locations.receiving()).resolve("stow-" + UUID.randomUUID());
        Files.createDirectory(folder);
        try {
            StowResult result = new StowResult();
            List<Accepted> accepted = receive(parts, folder, studyInstanceUid, result);
            List<Path> notTaken = handover.handOver(accepted.stream().map(Accepted::file).toList());
            for (Accepted object : accepted) {
                if (notTaken.contains(object.file())) {
                    result.add(new StowResult.Failed(object.object().sopClassUid(), object.object().sopInstanceUid(),
                            StowResult.PROCESSING_FAILURE, "could not be put into incomingdir"));
                } else {
                    result.add(object.object());
                }
            }
            record(actor, studyInstanceUid, result);
            return result;
        } catch (IOException broken) {
            LOG.info(() -> "STOW-RS by " + actor.text() + ": the body broke off (" + broken.getMessage()
                    + "); nothing stored");
            audit.record(AuditEvent.of(actor, "dicomweb.stow").object("study", studyInstanceUid)
                    .failed("the body broke off, nothing stored: " + broken.getMessage()));
            throw broken;
        } finally {
            Folders.deleteTree(folder);
        }
    }

    private List<Accepted> receive(StowParts parts, Path folder, String study, StowResult result) throws IOException {
        List<Accepted> accepted = new ArrayList<>();
        for (int number = 1; ; number++) {
            StowParts.Part part;
            try {
                part = parts.next();
            } catch (StowParts.CutOff cut) {
                result.markCutOff(); // between parts: every part before was whole
                return accepted;
            }
            if (part == null) {
                return accepted;
            }
            Path file = folder.resolve("part-" + number + ".dcm");
            try {
                Accepted object = receive(part, file, study, result);
                if (object != null) {
                    accepted.add(object);
                }
            } catch (StowParts.CutOff cut) {
                result.markCutOff();
                result.add(new StowResult.Failed("", "", StowResult.CANNOT_UNDERSTAND,
                        "truncated: " + cut.getMessage()));
                Files.deleteIfExists(file);
                return accepted;
            }
        }
    }

    /** One part: the object to hand over, or {@code null} when it was refused (then it is in the result). */
    private Accepted receive(StowParts.Part part, Path file, String study, StowResult result) throws IOException {
        if (part.contentType() != null && !isDicom(part.contentType())) {
            result.add(new StowResult.Failed("", "", StowResult.CANNOT_UNDERSTAND,
                    "a part of type " + part.contentType() + ", not " + DICOM));
            return null;
        }
        try {
            StowPartFile.write(part.content(), file, limits.maxObjectBytes(), limits.minFreeBytes());
        } catch (StowPartFile.Refused refused) {
            result.add(new StowResult.Failed("", "", refused.reason(), refused.getMessage()));
            return null;
        }
        DicomHeader header;
        try {
            header = reader.inspect(file).header();
        } catch (DicomFormatException wrong) {
            DicomHeader partial = partialHeader(file);
            result.add(new StowResult.Failed(partial == null ? "" : partial.sopClassUid(),
                    partial == null ? "" : partial.sopInstanceUid(), StowResult.CANNOT_UNDERSTAND, wrong.reason()));
            Files.deleteIfExists(file);
            return null;
        }
        if (study != null && !study.equals(header.studyInstanceUid())) {
            result.add(new StowResult.Failed(header.sopClassUid(), header.sopInstanceUid(),
                    StowResult.DATA_SET_DOES_NOT_MATCH, "its StudyInstanceUID " + header.studyInstanceUid()
                    + " is not the study " + study + " the request is stored to"));
            Files.deleteIfExists(file);
            return null;
        }
        return new Accepted(file, new StowResult.Stored(header.sopClassUid(), header.sopInstanceUid(),
                header.studyInstanceUid(), header.seriesInstanceUid()));
    }

    /** The UIDs of a part that is not usable, as far as its header can be read, to name it in the answer. */
    private DicomHeader partialHeader(Path file) {
        try {
            return reader.readHeader(file);
        } catch (DicomFormatException | IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static boolean isDicom(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        return (parameters < 0 ? type : type.substring(0, parameters)).strip().equals(DICOM);
    }

    private void record(Actor actor, String study, StowResult result) {
        AuditEvent.Builder event = AuditEvent.of(actor, "dicomweb.stow").object("study", study).detail(result.summary());
        if (result.stored().isEmpty()) {
            event.outcome(AuditEvent.Outcome.FAILED);
        }
        audit.record(event);
        LOG.info(() -> "STOW-RS by " + actor.text() + (study == null ? "" : " to study " + study) + ": "
                + result.summary());
    }
}
