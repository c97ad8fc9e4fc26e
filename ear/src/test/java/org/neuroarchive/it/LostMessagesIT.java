package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Archive messages that never arrive — as when the broker gives up on them during a long database
 * outage and moves them to its dead-letter queue — lose nothing: work still queued is sent again
 * once it has not moved for {@code neuroarchive.import.resend-after-minutes} (1 minute here, 10 by
 * default), for the global import and for an individual import, without a restart. The messages
 * are lost for real: delivery to the message-driven beans is stopped, the messages are deleted from
 * the broker (in-VM Artemis, or the external broker of the second CI pass), delivery resumes.
 */
class LostMessagesIT {

    private static final int SERIES = 3;
    private static final int PER_SERIES = 5;

    @AutoClose
    private final OwnServer own = new OwnServer("lost", 350);
    private final StandaloneImport importing = own.importing;

    @Test
    void lostArchiveMessagesAreSentAgain() throws Exception {
        own.server.environment("NEUROARCHIVE_IMPORT_RESEND_AFTER_MINUTES", "1");
        own.start(false);
        ImportApi imports = new ImportApi(own.server.baseUrl());
        Path individualSource = own.data.resolve("import/lost");  // under the default allowed root
        Set<String> expected = new HashSet<>(importing.writeSeries(individualSource, "NA-LOST", 1, SERIES, PER_SERIES));
        Path globalSource = OwnServer.TARGET.resolve("lost-source");
        expected.addAll(importing.writeSeries(globalSource, "NA-LOST", SERIES + 1, SERIES, PER_SERIES));
        long id = imports.createFromPath(individualSource, "");
        imports.await(id, "parsingcomplete");

        own.deliveries(false);
        importing.drop(globalSource, "lost");
        importing.scan();
        assertEquals(202, imports.archive(id, null).status());
        imports.archive().awaitStats(s -> s.getInt("queuedSeries") == SERIES, Duration.ofSeconds(60));
        assertEquals(2 * SERIES, own.removeQueuedMessages("NeuroArchiveImportSeries"), "the archive requests of both imports");
        assertEquals(0, own.removeQueuedMessages("NeuroArchiveIndividualImport"), "that queue carries parse requests only");
        own.deliveries(true);
        long resumed = System.nanoTime();

        JsonObject done = imports.await(id, "archivecomplete", Duration.ofMinutes(4));
        JsonObject stats = importing.awaitAll(expected, Duration.ofMinutes(4));
        System.out.printf("LostMessagesIT: both imports complete %.1f s after the messages were lost: %s%n",
                (System.nanoTime() - resumed) / 1e9, stats);
        importing.assertArchiveHoldsExactly(expected, 2 * SERIES);
        assertTrue(ImportApi.log(done).contains("sent again"), ImportApi.log(done));
        List<JsonObject> resent = imports.archive().get("/api/import-logs?q=sent%20again").json().asJsonArray().stream()
                .map(JsonValue::asJsonObject).toList();
        assertEquals(SERIES + 1, resent.size(), "a line for each series of the global import and one for the individual import: " + resent);
        assertTrue(resent.stream().allMatch(e -> e.getString("outcome").equals("retried")), resent.toString());
    }
}
