package org.neuroarchive.importing.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.neuroarchive.config.StorageLocations;

/**
 * Claims series out of incomingdir (atomic renames into their claim folders) and queues their archive
 * messages, a group of series per transaction; a group that cannot be queued goes back to incomingdir.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ClaimQueue {

    /** Series recorded and sent per transaction (one broker round trip per series is what costs). */
    static final int GROUP = 25;

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    @Inject
    StorageLocations locations;

    @Inject
    ImportDispatcher dispatcher;

    /** A claimed series waiting to be recorded and queued. */
    public record Claim(String claimKey, SeriesKey seriesKey, int fileCount) {
    }

    /** Claims and queues every group; answers how many series were queued. */
    public int claimAndQueue(Path incoming, Map<SeriesKey, List<Path>> groups, long scanId) {
        List<Claim> claimed = new ArrayList<>();
        for (Map.Entry<SeriesKey, List<Path>> group : groups.entrySet()) {
            String claimKey = UUID.randomUUID().toString();
            ClaimFolder folder = new ClaimFolder(locations.claims(), claimKey);
            try {
                folder.take(incoming, group.getValue());
                claimed.add(new Claim(claimKey, group.getKey(), group.getValue().size()));
            } catch (IOException e) {
                LOG.warning(() -> "could not claim series " + group.getKey() + " (" + e + "); its files stay in incomingdir");
                putBack(folder, incoming);
            }
        }
        int queued = 0;
        for (int from = 0; from < claimed.size(); from += GROUP) {
            List<Claim> group = claimed.subList(from, Math.min(claimed.size(), from + GROUP));
            try {
                dispatcher.dispatchAll(group, scanId);
                queued += group.size();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not queue " + group.size() + " series; their files go back to incomingdir", e);
                group.forEach(claim -> putBack(new ClaimFolder(locations.claims(), claim.claimKey()), incoming));
            }
        }
        return queued;
    }

    private static void putBack(ClaimFolder folder, Path incoming) {
        try {
            folder.putAllBack(incoming);
        } catch (IOException e) {
            LOG.severe(() -> "could not put claimed files back from " + folder.root() + " (" + e
                    + "); startup recovery will move them");
        }
    }
}
