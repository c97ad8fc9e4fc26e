package org.neuroarchive.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each settings bean reads all its keys when created: defaults, the ranges, renamed keys. */
class SettingsTest {

    private static SettingReader values(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return SettingReader.of(map);
    }

    private static String refusal(org.junit.jupiter.api.function.Executable read) {
        return assertThrows(InvalidSettingException.class, read).getMessage();
    }

    @Test
    void theGlobalImportsDefaults() {
        ImportSettings settings = ImportSettings.from(values());
        assertEquals(10, settings.scanIntervalSeconds());
        assertEquals(10, settings.settleSeconds());
        assertEquals(5000, settings.chunkSize());
        assertTrue(settings.enabled());
        assertEquals(ConflictPolicy.QUARANTINE_NEWCOMER, settings.conflictPolicy());
        assertEquals(5, settings.maxAttempts());
        assertEquals(30, settings.retryDelaySeconds());
        assertEquals(10, settings.resendAfterMinutes());
    }

    @Test
    void theConflictPolicyIsReadAtStartUpNotAtTheFirstConflict() {
        assertEquals(ConflictPolicy.REPLACE_ARCHIVED,
                ImportSettings.from(values("neuroarchive.import.conflict-policy", "replace-archived")).conflictPolicy());
        assertTrue(refusal(() -> ImportSettings.from(values("neuroarchive.import.conflict-policy", "keep-both")))
                .startsWith("neuroarchive.import.conflict-policy=keep-both (env NEUROARCHIVE_IMPORT_CONFLICT_POLICY) is not one of"));
    }

    @Test
    void nonsenseIsRefusedWhereItWasClampedBefore() {
        assertEquals("neuroarchive.import.scan-interval-seconds=0 (env NEUROARCHIVE_IMPORT_SCAN_INTERVAL_SECONDS) is not a "
                + "whole number between 1 and 86400", refusal(() -> ImportSettings.from(values("neuroarchive.import.scan-interval-seconds", "0"))));
        assertTrue(refusal(() -> ImportSettings.from(values("neuroarchive.import.max-attempts", "-1"))).contains("between 1 and 100"));
        assertEquals(0, ImportSettings.from(values("neuroarchive.import.settle-seconds", "0")).settleSeconds(), "0 is a valid settle time");
    }

    @Test
    void theIndividualImportHasItsOwnPrefixAndTheOldNamesStillWork() {
        StorageLocations locations = StorageLocations.under(Path.of("/srv/na"));
        IndividualImportSettings defaults = IndividualImportSettings.from(values(), locations);
        assertEquals(List.of(Path.of("/srv/na/import")), defaults.allowedRoots());
        assertTrue(defaults.usesDefaultRoot());
        assertEquals(20L << 30, defaults.maxUploadBytes());
        assertEquals(100_000, defaults.maxFiles());

        SettingReader old = values("neuroarchive.import.max-files", "7", "neuroarchive.import.allowed-roots", "/a, /b");
        IndividualImportSettings settings = IndividualImportSettings.from(old, locations);
        assertEquals(7, settings.maxFiles());
        assertEquals(List.of(Path.of("/a"), Path.of("/b")), settings.allowedRoots());
        assertEquals(2, old.deprecations().size());
        assertTrue(old.deprecations().contains("neuroarchive.import.max-files (env NEUROARCHIVE_IMPORT_MAX_FILES) is deprecated: "
                + "name it neuroarchive.individual.max-files (env NEUROARCHIVE_INDIVIDUAL_MAX_FILES)"), old.deprecations().toString());

        IndividualImportSettings renamed = IndividualImportSettings.from(values("neuroarchive.individual.max-upload-bytes", "1024",
                "neuroarchive.import.max-upload-bytes", "2048"), locations);
        assertEquals(1024, renamed.maxUploadBytes(), "the new name wins");
        assertTrue(refusal(() -> IndividualImportSettings.from(values("neuroarchive.individual.max-compression-ratio", "0"), locations))
                .startsWith("neuroarchive.individual.max-compression-ratio=0 (env NEUROARCHIVE_INDIVIDUAL_MAX_COMPRESSION_RATIO)"));
    }

    @Test
    void theReceiversNumbersAreCheckedWithTheirKeyAndVariable() {
        ReceiverSettings defaults = ReceiverSettings.from(values());
        assertEquals(11112, defaults.port());
        assertEquals(20, defaults.maxAssociations());
        assertEquals(65536, defaults.maxPduLength());
        assertFalse(defaults.tlsRequired());
        assertTrue(refusal(() -> ReceiverSettings.from(values("neuroarchive.dicom.max-associations", "0")))
                .startsWith("neuroarchive.dicom.max-associations=0 (env NEUROARCHIVE_DICOM_MAX_ASSOCIATIONS) is not a whole number"));
        assertTrue(refusal(() -> ReceiverSettings.from(values("neuroarchive.dicom.max-pdu-length", Integer.toString(64 << 20))))
                .contains("NEUROARCHIVE_DICOM_MAX_PDU_LENGTH"));
        assertTrue(refusal(() -> ReceiverSettings.from(values("neuroarchive.dicom.max-associations", "5",
                "neuroarchive.dicom.max-associations-per-address", "6"))).endsWith("between 1 and 5"), "at most max-associations");
    }

    @Test
    void theFrontDoorNeedsAtLeastOneHostAndSensibleLimits() {
        SecuritySettings defaults = SecuritySettings.from(values());
        assertEquals(List.of("localhost", "127.0.0.1", "[::1]"), defaults.allowedHosts());
        assertEquals(30, defaults.sessionTimeoutMinutes());
        assertEquals(1_048_576, defaults.maxRequestBytes());
        assertTrue(refusal(() -> SecuritySettings.from(values("neuroarchive.http.allowed-hosts", " , ")))
                .contains("names no host"));
        assertTrue(refusal(() -> SecuritySettings.from(values("neuroarchive.session.timeout-minutes", "0")))
                .contains("between 1 and 1440"));
        assertTrue(refusal(() -> SecuritySettings.from(values("neuroarchive.http.max-request-bytes", "100")))
                .contains("between 1024 and"));
        assertEquals(List.of("archive.example.org"),
                SecuritySettings.from(values("neuroarchive.http.allowed-hosts", "Archive.Example.org")).allowedHosts());
    }

    @Test
    void directoriesFollowTheDataDirectoryUnlessSetOnTheirOwn() {
        StorageLocations locations = StorageLocations.from(values("neuroarchive.data-dir", "/srv/na",
                "neuroarchive.incoming-dir", "/mnt/in"));
        assertEquals(Path.of("/mnt/in"), locations.incoming());
        assertEquals(Path.of("/mnt/in.claimed"), locations.claims());
        assertEquals(Path.of("/srv/na/archive"), locations.archive());
    }
}
