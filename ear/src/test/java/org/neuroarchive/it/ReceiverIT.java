package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.it.Incoming.DATA;
import static org.neuroarchive.it.Incoming.filesUnder;

import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuroarchive.testing.CuttingProxy;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * The DICOM receiver inside the application, with Debian's dcmtk as the real sending client:
 * echo, series stored over one and over two simultaneous associations, archived through the global
 * import without waiting for the settle time; counts in {@code /api/receiver} and {@code /api/stats}; a
 * peer listed with a project has its series filed there; unknown peers are refused, counted and audited.
 */
@ExtendWith(ArquillianExtension.class)
class ReceiverIT {

    private static final int PORT = Integer.getInteger("it.dicom.port", 11212);
    private static final Path SOURCE = DATA.resolveSibling("receiver-it");
    private static final Duration WITHIN = Duration.ofSeconds(60);

    private final ArchiveApi api = new ArchiveApi();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @Test
    void theReceiverListensAndAnswersEcho() throws Exception {
        JsonObject receiver = api.get("/api/receiver").json().asJsonObject();
        assertEquals("listening", receiver.getString("state"), receiver.toString());
        assertEquals(PORT, receiver.getInt("port"));
        assertEquals("NEUROARCHIVE", receiver.getString("aet"));
        assertEquals(0, run(List.of("echoscu", "-aec", "NEUROARCHIVE", "127.0.0.1", Integer.toString(PORT))));
    }

    @Test
    void aSeriesSentWithStorescuIsArchived() throws Exception {
        List<Path> files = SyntheticSeries.mr().patient("NA-RX-ONE", "Receiver^One")
                .study(SyntheticSeries.newUid(), "20260501", "090000", "Research").series(4, "sent")
                .instances(12).writeTo(SOURCE.resolve("one"), "r");
        JsonObject before = quiet();
        assertEquals(0, storescu("SCANNER1", files));
        String uid = api.awaitSubject("NA-RX-ONE", WITHIN);
        awaitFiles(uid, 12);
        api.awaitStats(s -> s.getInt("instances") - before.getInt("instances") >= 12 && s.getInt("queuedSeries") == 0, WITHIN);
        assertEquals(12, api.stats().getInt("instances") - before.getInt("instances"));
        JsonObject after = api.stats();
        assertEquals(12, after.getInt("receivedFiles") - before.getInt("receivedFiles"));
        assertEquals(List.of(), filesUnder(DATA.resolve("incoming/received")), "incomingdir emptied");
        assertEquals(List.of(), filesUnder(DATA.resolve("incoming.receiving")), "no partial object left");
    }

    @Test
    void twoAssociationsAtOnceAreBothArchived() throws Exception {
        List<Path> first = SyntheticSeries.mr().patient("NA-RX-TWO", "Receiver^Two")
                .study(SyntheticSeries.newUid(), "20260502", "090000", "Research").series(1, "a")
                .instances(30).writeTo(SOURCE.resolve("two-a"), "a");
        List<Path> second = SyntheticSeries.mr().patient("NA-RX-THREE", "Receiver^Three")
                .study(SyntheticSeries.newUid(), "20260502", "100000", "Research").series(2, "b")
                .instances(30).writeTo(SOURCE.resolve("two-b"), "b");
        JsonObject before = api.get("/api/receiver").json().asJsonObject();
        Process a = start("SCANNER2", first);
        Process b = start("SCANNER3", second);
        assertEquals(0, a.waitFor());
        assertEquals(0, b.waitFor());
        String two = api.awaitSubject("NA-RX-TWO", WITHIN);
        String three = api.awaitSubject("NA-RX-THREE", WITHIN);
        awaitFiles(two, 30);
        awaitFiles(three, 30);
        quiet();
        JsonObject after = api.get("/api/receiver").json().asJsonObject();
        assertEquals(60, after.getJsonNumber("objectsReceived").longValue() - before.getJsonNumber("objectsReceived").longValue());
        assertTrue(after.getJsonNumber("associations").longValue() - before.getJsonNumber("associations").longValue() >= 2);
        assertNotNull(after.getString("lastReceivedAt"));
    }

    @Test
    void aSenderThatBreaksOffMidObjectLeavesNothingHalfWritten() throws Exception {
        List<Path> big = SyntheticSeries.mr().patient("NA-RX-CUT", "Receiver^Cut").size(512, 512)
                .study(SyntheticSeries.newUid(), "20260503", "090000", "Research").series(1, "cut")
                .instances(1).writeTo(SOURCE.resolve("cut"), "c");
        JsonObject before = api.get("/api/receiver").json().asJsonObject();
        try (CuttingProxy proxy = new CuttingProxy(PORT, 200_000)) {
            List<String> command = new ArrayList<>(List.of("storescu", "-aec", "NEUROARCHIVE", "-to", "20", "-ta", "20",
                    "-td", "20", "127.0.0.1", Integer.toString(proxy.port()), big.get(0).toString()));
            assertTrue(run(command) != 0, "storescu cannot have succeeded");
        }
        long deadline = System.nanoTime() + WITHIN.toNanos();
        JsonObject after = api.get("/api/receiver").json().asJsonObject();
        while (after.getInt("activeAssociations") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            after = api.get("/api/receiver").json().asJsonObject();
        }
        assertEquals(before.getJsonNumber("objectsReceived"), after.getJsonNumber("objectsReceived"), "nothing received");
        assertEquals(List.of(), filesUnder(DATA.resolve("incoming.receiving")), "the partial object was deleted");
        assertEquals(null, api.subjectUid("NA-RX-CUT"));
    }

    @Test
    void aPeerWithAProjectHasItsSeriesFiledIntoThatProject() throws Exception {
        // ear/pom.xml lists the peers *@127.0.0.1 and PROJECT1@127.0.0.1=888888; "Research" alone means 999999
        SyntheticSeries toProject = SyntheticSeries.mr().patient("NA-RX-PROJECT", "Receiver^Project")
                .study(SyntheticSeries.newUid(), "20260504", "090000", "Research").series(1, "project");
        SyntheticSeries byRules = SyntheticSeries.mr().patient("NA-RX-RULES", "Receiver^Rules")
                .study(SyntheticSeries.newUid(), "20260504", "100000", "Research").series(1, "rules");
        assertEquals(0, storescu("PROJECT1", toProject.instances(3).writeTo(SOURCE.resolve("project"), "p")));
        assertEquals(0, storescu("SCANNER4", byRules.instances(3).writeTo(SOURCE.resolve("rules"), "q")));
        awaitFiles(api.awaitSubject("NA-RX-PROJECT", WITHIN), 3);
        awaitFiles(api.awaitSubject("NA-RX-RULES", WITHIN), 3);
        assertEquals("888888", seriesWithUid(toProject.seriesInstanceUid()).getString("projectCostcenter"));
        assertEquals("999999", seriesWithUid(byRules.seriesInstanceUid()).getString("projectCostcenter"));
    }

    @Test
    void unknownPeersAreRefusedCountedAndAudited() throws Exception {
        JsonObject before = api.get("/api/receiver").json().asJsonObject();
        List<String> wrongCalledAe = List.of("echoscu", "-aet", "SCANNER1", "-aec", "SOMEONE_ELSE", "127.0.0.1",
                Integer.toString(PORT));
        assertTrue(run(wrongCalledAe) != 0, "echo to a called AE title that is not ours");
        // 127.0.0.2 is loopback too, but not listed: rejected (A-ASSOCIATE-RJ, calling AE not recognized) at once
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0.2", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", PORT), 5000);
            socket.setSoTimeout(10_000);
            byte[] rejection = socket.getInputStream().readNBytes(10);
            assertArrayEquals(new byte[] {3, 0, 0, 0, 0, 4, 0, 1, 1, 3}, rejection);
        }
        JsonObject after = api.get("/api/receiver").json().asJsonObject();
        assertEquals(2, after.getJsonNumber("refused").longValue() - before.getJsonNumber("refused").longValue(), after.toString());
        JsonObject reasons = after.getJsonObject("refusedByReason");
        assertTrue(reasons.getJsonNumber("unknown-called-ae").longValue() >= 1, reasons.toString());
        assertTrue(reasons.getJsonNumber("unknown-peer").longValue() >= 1, reasons.toString());

        assertEquals(0, run(List.of("echoscu", "-aet", "AUDITED", "-aec", "NEUROARCHIVE", "127.0.0.1", Integer.toString(PORT))));
        // audit rows are written off the listener's threads: wait for them
        String refusals = awaitAudit("dicom.refused", "peer:?@127.0.0.2");
        assertTrue(refusals.contains("\"actor\":\"peer:SCANNER1@127.0.0.1\"") && refusals.contains("unknown-called-ae: called AE title"),
                refusals);
        assertTrue(refusals.contains("unknown-peer: no peer is listed for this address"), refusals);
        String associations = awaitAudit("dicom.association", "peer:AUDITED@127.0.0.1");
        assertTrue(associations.contains("calling AE AUDITED, called AE NEUROARCHIVE, peer *@127.0.0.1, 0 objects stored, released"),
                associations);
    }

    /** The audit rows of {@code action} ({@code GET /api/audit}, as admin) once one of them names {@code actor}. */
    private String awaitAudit(String action, String actor) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            ArchiveApi.Reply rows = api.get("/api/audit?action=" + action + "&limit=500");
            assertEquals(200, rows.status(), rows.body());
            if (rows.body().contains("\"actor\":\"" + actor + "\"") || System.nanoTime() > deadline) {
                assertTrue(rows.body().contains("\"actor\":\"" + actor + "\""), rows.body());
                return rows.body();
            }
            Thread.sleep(200);
        }
    }

    /** The series with this SeriesInstanceUID, found through {@code GET /api/series/{id}} (there is no search yet). */
    private JsonObject seriesWithUid(String uid) throws Exception {
        int total = api.stats().getInt("series");
        for (int id = 1, found = 0; found < total && id <= total + 100; id++) {
            ArchiveApi.Reply reply = api.get("/api/series/" + id);
            if (reply.status() == 200) {
                found++;
                JsonObject series = reply.json().asJsonObject();
                if (series.getString("seriesInstanceUid").equals(uid)) {
                    return series;
                }
            }
        }
        throw new AssertionError("no series with SeriesInstanceUID " + uid);
    }

    /** Waits until nothing is queued: files are linked into the archive before their transaction commits. */
    private JsonObject quiet() throws Exception {
        return api.awaitStats(s -> s.getInt("queuedSeries") == 0, WITHIN);
    }

    private static void awaitFiles(String uid, int count) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (IndividualImportIT.dicomFiles(uid).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(count, IndividualImportIT.dicomFiles(uid).size());
    }

    private static int storescu(String callingAet, List<Path> files) throws Exception {
        return run(command(callingAet, files));
    }

    private static List<String> command(String callingAet, List<Path> files) {
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", callingAet, "-aec", "NEUROARCHIVE",
                "127.0.0.1", Integer.toString(PORT)));
        files.forEach(f -> command.add(f.toString()));
        return command;
    }

    private static Process start(String callingAet, List<Path> files) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command(callingAet, files)).inheritIO();
        builder.environment().put("TCP_NODELAY", "1"); // dcmtk 3.6.7 waits ~90 ms per object without it
        return builder.start();
    }

    private static int run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("TCP_NODELAY", "1");
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "dcmtk did not finish: " + command);
        return process.exitValue();
    }
}
