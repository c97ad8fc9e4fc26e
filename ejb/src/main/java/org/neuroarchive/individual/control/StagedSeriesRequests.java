package org.neuroarchive.individual.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import org.neuroarchive.archive.control.ArchiveRequest;
import org.neuroarchive.archive.control.ArchiveRequestHandler;

/** The individual import's side of the one archive-request path: requests for its staged series. */
@ApplicationScoped
public class StagedSeriesRequests implements ArchiveRequestHandler {

    @Inject
    SeriesArchiving archiving;

    @Inject
    StagedSeriesRetries retries;

    @Inject
    ImportRecovery recovery;

    @Override
    public ArchiveRequest.Kind kind() {
        return ArchiveRequest.Kind.STAGED_SERIES;
    }

    @Override
    public void archive(ArchiveRequest request) {
        archiving.archive(request.id(), request.actor());
    }

    @Override
    public void attemptFailed(ArchiveRequest request, String reason) {
        archiving.attemptFailed(request.id(), request.actor(), reason);
    }

    @Override
    public int resendDue() {
        return retries.resendDueQuietly();
    }

    @Override
    public void recover() throws IOException {
        recovery.recover();
    }
}
