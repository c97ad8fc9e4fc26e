package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuroarchive.testing.SyntheticSeries;

import static org.neuroarchive.it.Incoming.CLAIMS;
import static org.neuroarchive.it.Incoming.DATA;
import static org.neuroarchive.it.Incoming.INCOMING;

/**
 * A crash between claiming a series and queuing its message leaves a claim folder with no batch row.
 * Simulated by planting such folders while the application is down: at the next start they must
 * end in the archive exactly as without the crash, including files of which an identical copy was
 * already archived (they become duplicates, not second copies).
 */
@ExtendWith(ArquillianExtension.class)
class RecoveryIT {

    private static final String APP = "recovery";

    @ArquillianResource
    Deployer deployer;

    private final ArchiveApi api = new ArchiveApi();

    @Deployment(name = APP, managed = false, testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @Test
    void claimsLeftByACrashEndInTheArchiveOnce() throws Exception {
        deployer.deploy(APP);
        try {
            SyntheticSeries crashed = SyntheticSeries.mr().patient("NA-IT-CRASH", "Crash^Carl").series(4, "SWI").instances(4);
            List<Path> files = crashed.writeTo(DATA.resolve("recovery-source"), "c");
            // one file archived normally before the crash
            Incoming.put(files.get(0), INCOMING.resolve("before/c-1.dcm"));
            api.post("/api/incoming/scan");
            api.awaitSubject("NA-IT-CRASH", Duration.ofSeconds(60));
            JsonObject before = api.stats();

            deployer.undeploy(APP);
            // the crash: two claims that never reached the database, one holding an identical copy
            Path claimA = CLAIMS.resolve(UUID.randomUUID().toString());
            Incoming.put(files.get(1), claimA.resolve("scanner/c-2.dcm"));
            Incoming.put(files.get(2), claimA.resolve("scanner/c-3.dcm"));
            Path claimB = CLAIMS.resolve(UUID.randomUUID().toString());
            Incoming.put(files.get(3), claimB.resolve("c-4.dcm"));
            Incoming.put(files.get(0), claimB.resolve("before/c-1.dcm"));

            deployer.deploy(APP);
            api.post("/api/incoming/scan");
            JsonObject after = api.awaitStats(s -> s.getInt("instances") == before.getInt("instances") + 3
                    && s.getInt("duplicateFiles") == before.getInt("duplicateFiles") + 1
                    && s.getInt("queuedSeries") == 0, Duration.ofSeconds(60));
            assertEquals(before.getInt("series"), after.getInt("series"), "the same series, updated");
            assertEquals(before.getInt("problemFiles"), after.getInt("problemFiles"));

            Path dicom = DATA.resolve("archive").resolve(api.subjectUid("NA-IT-CRASH")).resolve("1/4/dicom");
            assertEquals(4, Incoming.filesUnder(dicom).size());
            assertEquals(List.of(), Incoming.filesUnder(CLAIMS));
            assertTrue(Incoming.filesUnder(INCOMING).isEmpty());
        } finally {
            deployer.undeploy(APP);
        }
    }
}
