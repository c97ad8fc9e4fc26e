package org.neuroarchive.importing.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.neuroarchive.archive.control.ArchiveRequests;
import org.neuroarchive.common.entity.ColumnText;
import org.neuroarchive.importing.entity.ClaimedSeries;

/**
 * Records claimed series and sends their archive requests in one transaction: either both exist or
 * neither does (then the files go back to incomingdir, by the scanner or by startup recovery).
 * Called from outside transactions, so each group of series gets a transaction of its own.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ImportDispatcher {

    @PersistenceContext
    EntityManager em;

    @Inject
    ArchiveRequests requests;

    /** Records the claimed series and sends one archive request each, all in the caller's transaction. */
    public void dispatchAll(List<ClaimQueue.Claim> claims, Long scanId) {
        List<ClaimedSeries> batches = new ArrayList<>();
        for (ClaimQueue.Claim claim : claims) {
            ClaimedSeries batch = new ClaimedSeries(claim.claimKey(), ColumnText.clip(claim.seriesKey().value(), 255), scanId,
                    claim.fileCount());
            em.persist(batch);
            batches.add(batch);
        }
        em.flush();
        requests.sendAll(batches.stream().map(ClaimedSeriesRequests::of).toList());
    }
}
