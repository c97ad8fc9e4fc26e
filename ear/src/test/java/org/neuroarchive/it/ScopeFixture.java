package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.it.Incoming.DATA;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * Two projects of their own, A and B (fresh cost centers), with one subject and series archived in
 * each by the global import (the cost center in StudyDescription), for the tests of who sees what.
 * Patient names and IDs are unique to the fixture, so that a response can be searched for them as text.
 */
final class ScopeFixture {

    static final Duration WITHIN = Duration.ofSeconds(90);
    private static final Pattern SERIES_LINK = Pattern.compile("/api/series/(\\d+)/thumbnail");

    /** One archived subject with its one series. */
    record Archived(String project, String patientId, String patientName, String subjectUid, long seriesId,
                    String seriesDescription) {
    }

    final ArchiveApi api;
    final AdminCalls admin;
    final String projectA;
    final String projectB;

    ScopeFixture(ArchiveApi api) throws IOException, InterruptedException {
        this.api = api;
        this.admin = new AdminCalls(api);
        this.projectA = admin.createProject("Scope A");
        this.projectB = admin.createProject("Scope B");
    }

    /** A user with these site roles and these permissions on {@code project} (none: no grant). */
    ArchiveApi user(String login, List<String> roles, String project, String... permissions)
            throws IOException, InterruptedException {
        admin.createUser(login, roles.toArray(String[]::new));
        if (project != null) {
            ArchiveApi.Reply granted = admin.grant(project, login, permissions);
            assertEquals(200, granted.status(), granted.body());
        }
        return api.as(AdminCalls.basic(login));
    }

    /** Archives one series of a new subject into {@code project} through incomingdir, as the scanner finds it. */
    Archived archive(String project, String tag) throws IOException, InterruptedException {
        String patientId = AdminCalls.unique("NA-SCOPE-" + tag + "-");
        String patientName = "Scope^" + AdminCalls.unique(tag);
        String description = "scope series " + AdminCalls.unique(tag);
        String folder = AdminCalls.unique("series-"); // file names are not patient data: never the PatientID
        List<Path> files = SyntheticSeries.mr().patient(patientId, patientName)
                .study(SyntheticSeries.newUid(), "20260501", "090000", "Research (" + project + ")")
                .series(3, description).instances(2).writeTo(DATA.resolve("scope-source").resolve(folder), "f");
        Incoming.drop(files, "scope/" + folder);
        assertEquals(202, api.post("/api/incoming/scan").status());
        String subjectUid = api.awaitSubject(patientId, WITHIN);
        return new Archived(project, patientId, patientName, subjectUid, seriesOf(subjectUid), description);
    }

    /** The id of the one series of subject {@code subjectUid}, from the search page as the administrator. */
    long seriesOf(String subjectUid) throws IOException, InterruptedException {
        ArchiveApi.Reply page = api.get("/search?subject=" + subjectUid);
        assertEquals(200, page.status(), page.body());
        Matcher link = SERIES_LINK.matcher(page.body());
        assertTrue(link.find(), "no series of " + subjectUid + " on the search page");
        return Long.parseLong(link.group(1));
    }

    /** The audit rows for {@code query}, read by the administrator. */
    JsonArray audit(String query) throws IOException, InterruptedException {
        return admin.audit(query);
    }

    /** The rows of {@code audit} whose action is {@code action}. */
    static List<JsonObject> rows(JsonArray audit, String action) {
        return audit.stream().map(JsonValue::asJsonObject).filter(r -> action.equals(r.getString("action"))).toList();
    }

    /** Asserts that {@code body} contains none of {@code secrets}. */
    static void assertHidden(String body, String... secrets) {
        for (String secret : secrets) {
            assertTrue(!body.contains(secret), "'" + secret + "' must not appear in: " + body);
        }
    }
}
