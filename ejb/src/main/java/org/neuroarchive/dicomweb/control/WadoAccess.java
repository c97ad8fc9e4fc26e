package org.neuroarchive.dicomweb.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.neuroarchive.archive.control.ArchiveLayout;
import org.neuroarchive.audit.control.PhiReads;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.dicom.SliceRenderer;
import org.neuroarchive.dicom.ThumbnailException;
import org.neuroarchive.matching.entity.Series;
import org.neuroarchive.security.control.Caller;
import org.neuroarchive.security.control.Callers;
import org.neuroarchive.security.control.ProjectScope;
import org.neuroarchive.security.entity.ProjectPermission;

/**
 * What WADO-RS serves: the archived files of a study, a series or an instance (by their UIDs), and a series'
 * {@code thumb.png}, only in projects the caller may view (anything else is not found). The files are served
 * as stored, patient data included: retrieving them needs view-PHI on their projects (403 otherwise) and is
 * audited as a read of patient data; their metadata is shown without patient identity to the others.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class WadoAccess {

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    PhiReads phiReads;

    @Inject
    StorageLocations locations;

    private final SliceRenderer renderer = new SliceRenderer();

    /** The files to retrieve; refused unless the caller may view their PHI. {@code seriesUid}, {@code sopUid} may be null. */
    public WadoObjects retrieve(String studyUid, String seriesUid, String sopUid) {
        WadoObjects objects = objects(studyUid, seriesUid, sopUid);
        if (!objects.phi()) {
            throw new RequestRejected(RequestRejected.Reason.FORBIDDEN, "the archived files hold patient data: "
                    + "retrieving them needs view-phi on their project (their metadata is served without it)");
        }
        audit("dicomweb.retrieve", studyUid, objects.files().size() + " archived files (WADO-RS)");
        return objects;
    }

    /** The files whose headers to show; {@link WadoObjects#phi()} tells whether with patient identity. */
    public WadoObjects metadata(String studyUid, String seriesUid, String sopUid) {
        WadoObjects objects = objects(studyUid, seriesUid, sopUid);
        if (objects.phi()) {
            audit("dicomweb.metadata", studyUid, "headers of " + objects.files().size() + " instances (WADO-RS)");
        }
        return objects;
    }

    /**
     * Frame {@code frame} (from 1) of the instance {@code sopUid} rendered as PNG at its own size (the series
     * page's renderer: rescale, the object's window, JPEG-LS and JPEG 2000 through GDCM), for a caller who
     * sees the series, as its thumbnail; not found for an unseen instance or a frame it does not have.
     */
    public byte[] rendered(String studyUid, String seriesUid, String sopUid, int frame) {
        Path file = objects(studyUid, seriesUid, sopUid).files().get(0);
        try {
            return renderer.renderPng(file, frame);
        } catch (SliceRenderer.NoSuchFrameException missing) {
            throw new RequestRejected(RequestRejected.Reason.NOT_FOUND, "instance " + sopUid + " has no frame " + frame);
        } catch (ThumbnailException cannot) {
            throw new RequestRejected(RequestRejected.Reason.NOT_FOUND, "instance " + sopUid + " cannot be rendered: "
                    + cannot.getMessage());
        }
    }

    /**
     * The series' thumb.png when the caller sees the series (and the instance {@code sopUid} in it, when not null)
     * and it has one; not found otherwise.
     */
    public Path thumbnail(String studyUid, String seriesUid, String sopUid) {
        Caller caller = callers.current();
        ProjectScope visible = ProjectScope.of(caller, ProjectPermission.VIEW_DATA);
        TypedQuery<Series> query = visible.bind(em.createQuery("SELECT s FROM Series s JOIN s.study st "
                + "WHERE st.studyInstanceUid = :study AND s.seriesInstanceUid = :series AND "
                + visible.where("st.enrollment.project.id", "visible")
                + (sopUid == null ? "" : " AND EXISTS (SELECT i FROM Instance i WHERE i.series = s AND i.sopInstanceUid = :sop)")
                + " ORDER BY s.id", Series.class), "visible")
                .setParameter("study", studyUid).setParameter("series", seriesUid);
        Optional.ofNullable(sopUid).ifPresent(uid -> query.setParameter("sop", uid));
        List<Series> series = visible.none() ? List.of() : query.getResultList();
        return series.stream().map(s -> locations.archive().resolve(ArchiveLayout.thumbnailFile(
                        s.getStudy().getSubject().getUid(), s.getStudy().getStudyNum(), s.getSeriesNum())))
                .filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new RequestRejected(RequestRejected.Reason.NOT_FOUND, "no thumbnail for series "
                        + seriesUid + " of study " + studyUid + " (unknown series, not rendered yet, or an image "
                        + "PixelMed cannot display)"));
    }

    private WadoObjects objects(String studyUid, String seriesUid, String sopUid) {
        Caller caller = callers.current();
        ProjectScope visible = ProjectScope.of(caller, ProjectPermission.VIEW_DATA);
        ProjectScope phi = ProjectScope.of(caller, ProjectPermission.VIEW_PHI);
        List<Object[]> rows = visible.none() ? List.of() : query(visible, studyUid, seriesUid, sopUid).getResultList();
        if (rows.isEmpty()) {
            throw new RequestRejected(RequestRejected.Reason.NOT_FOUND, "no " + (sopUid != null ? "instance " + sopUid
                    : seriesUid != null ? "series " + seriesUid : "study " + studyUid) + " (or not in a project you may view)");
        }
        List<Path> files = new ArrayList<>(rows.size());
        boolean allPhi = true;
        for (Object[] row : rows) {
            files.add(locations.archive().resolve((String) row[0]));
            allPhi &= phi.includes((Long) row[1]);
        }
        return new WadoObjects(files, allPhi);
    }

    private TypedQuery<Object[]> query(ProjectScope visible, String studyUid, String seriesUid, String sopUid) {
        TypedQuery<Object[]> query = em.createQuery("SELECT i.filePath, st.enrollment.project.id FROM Instance i "
                + "JOIN i.series s JOIN s.study st WHERE st.studyInstanceUid = :study"
                + (seriesUid == null ? "" : " AND s.seriesInstanceUid = :series")
                + (sopUid == null ? "" : " AND i.sopInstanceUid = :sop")
                + " AND " + visible.where("st.enrollment.project.id", "visible")
                + " ORDER BY st.id, s.seriesNum, s.id, i.instanceNumber, i.id", Object[].class)
                .setParameter("study", studyUid);
        Optional.ofNullable(seriesUid).ifPresent(uid -> query.setParameter("series", uid));
        Optional.ofNullable(sopUid).ifPresent(uid -> query.setParameter("sop", uid));
        return visible.bind(query, "visible");
    }

    private void audit(String action, String studyUid, String detail) {
        phiReads.shown(AuditEvent.of(callers.current().actor(), action).object("study", studyUid).detail(detail));
    }
}
