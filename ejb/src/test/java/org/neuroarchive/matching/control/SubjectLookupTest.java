package org.neuroarchive.matching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.neuroarchive.matching.entity.Family;
import org.neuroarchive.matching.entity.IdentifierHash;
import org.neuroarchive.matching.entity.Subject;
import org.neuroarchive.testing.TestDatabase;

/**
 * A PatientID finds its subject by UID, by alternate UID, and by the SHA-1 of either (sent in upper or
 * lower case), each through a lookup of its own; when several subjects match, the oldest (lowest id) wins,
 * as with the single query it replaced.
 */
class SubjectLookupTest {

    private static final TestDatabase DB = TestDatabase.shared();

    private static long subject(String uid, String altuid) throws Exception {
        return DB.inTransaction(tx -> {
            Family family = new Family("F" + uid.substring(1), "Proband-" + uid);
            Subject subject = new Subject(uid, family, "Lookup^Test", "F", null);
            subject.addAlternateUid(altuid);
            tx.em().persist(family);
            tx.em().persist(subject);
            tx.em().flush();
            return subject.getId();
        });
    }

    private static Optional<Long> lookup(String patientId) throws Exception {
        return DB.inTransaction(tx -> SubjectMatcher.lookup(tx.em(), patientId).map(Subject::getId));
    }

    @Test
    void findsBySubjectUidAlternateUidAndTheirHashes() throws Exception {
        long first = subject("S7001LKA", "LOOKUP-PID-1");
        long second = subject("S7002LKB", "S7003LKC");

        assertEquals(Optional.of(first), lookup("S7001LKA"));
        assertEquals(Optional.of(first), lookup("LOOKUP-PID-1"));
        assertEquals(Optional.of(first), lookup(IdentifierHash.sha1("S7001LKA")));
        assertEquals(Optional.of(first), lookup(IdentifierHash.sha1("LOOKUP-PID-1").toUpperCase(Locale.ROOT)));
        assertEquals(Optional.of(second), lookup("S7003LKC"));
        assertTrue(lookup("LOOKUP-NOBODY").isEmpty());
    }

    @Test
    void theOldestOfSeveralMatchingSubjectsWins() throws Exception {
        long older = subject("S7011LKD", "LOOKUP-PID-11");
        long newer = subject("S7012LKE", "S7011LKD"); // its alternate UID is the older one's UID

        assertTrue(older < newer);
        assertEquals(Optional.of(older), lookup("S7011LKD"));
    }
}
