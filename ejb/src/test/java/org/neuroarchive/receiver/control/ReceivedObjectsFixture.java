package org.neuroarchive.receiver.control;

import org.neuroarchive.config.ClusterSettings;
import org.neuroarchive.config.NodeName;
import org.neuroarchive.config.ReceiverSettings;
import org.neuroarchive.config.StorageLocations;

/** {@link ReceivedObjects} wired by hand, for tests of other packages (no scans, no audit: no objects arrive there). */
public final class ReceivedObjectsFixture {

    private ReceivedObjectsFixture() {
    }

    public static ReceivedObjects wired(StorageLocations locations, ReceiverSettings settings, ReceiverStatus status) {
        ReceivedObjects objects = new ReceivedObjects();
        objects.locations = locations;
        objects.settings = settings;
        objects.cluster = ClusterSettings.of(NodeName.current(), 30, 60);
        objects.status = status;
        objects.init();
        return objects;
    }
}
