package org.neuroarchive.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one rule of every setting: parsed once, never clamped, a wrong value named with its key, variable and range. */
class SettingReaderTest {

    private static SettingReader values(String... keyValues) {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return SettingReader.of(map);
    }

    private static String refusal(org.junit.jupiter.api.function.Executable read) {
        return assertThrows(InvalidSettingException.class, read).getMessage();
    }

    @Test
    void unsetOrBlankTakesTheDefault() {
        SettingReader settings = values("neuroarchive.x.n", "  ");
        assertEquals(7, settings.wholeNumber("neuroarchive.x.n", 7, 1, 10));
        assertEquals(7, settings.wholeNumber("neuroarchive.x.other", 7, 1, 10));
        assertTrue(settings.flag("neuroarchive.x.flag", true));
        assertEquals(Optional.empty(), settings.text("neuroarchive.x.n"));
        assertEquals(ConflictPolicy.QUARANTINE_NEWCOMER, settings.oneOf("neuroarchive.x.p", ConflictPolicy.QUARANTINE_NEWCOMER));
    }

    @Test
    void aNumberOutsideItsRangeIsRefusedNotClamped() {
        assertEquals(10, values("neuroarchive.x.n", " 10 ").wholeNumber("neuroarchive.x.n", 7, 1, 10));
        assertEquals("neuroarchive.x.n=0 (env NEUROARCHIVE_X_N) is not a whole number between 1 and 10",
                refusal(() -> values("neuroarchive.x.n", "0").wholeNumber("neuroarchive.x.n", 7, 1, 10)));
        assertEquals("neuroarchive.x.n=11 (env NEUROARCHIVE_X_N) is not a whole number between 1 and 10",
                refusal(() -> values("neuroarchive.x.n", "11").wholeNumber("neuroarchive.x.n", 7, 1, 10)));
        assertEquals("neuroarchive.x.n=1.5 (env NEUROARCHIVE_X_N) is not a whole number between 1 and 10",
                refusal(() -> values("neuroarchive.x.n", "1.5").wholeNumber("neuroarchive.x.n", 7, 1, 10)));
        assertEquals("neuroarchive.x.bytes=20GB (env NEUROARCHIVE_X_BYTES) is not a whole number between 1 and 9223372036854775807",
                refusal(() -> values("neuroarchive.x.bytes", "20GB").wholeNumber("neuroarchive.x.bytes", 1L, 1, Long.MAX_VALUE)));
    }

    @Test
    void flagsAreTrueOrFalseAndNothingElse() {
        assertTrue(values("k", "TRUE").flag("k", false));
        assertTrue(values("k", "yes").flag("k", false));
        assertFalse(values("k", "off").flag("k", true));
        assertFalse(values("k", "0").flag("k", true));
        assertEquals("neuroarchive.backup.enabled=ture (env NEUROARCHIVE_BACKUP_ENABLED) is not true or false",
                refusal(() -> values("neuroarchive.backup.enabled", "ture").flag("neuroarchive.backup.enabled", false)));
    }

    @Test
    void choicesAreWordsOrJavaNamesInAnyCase() {
        String key = "neuroarchive.import.conflict-policy";
        assertEquals(ConflictPolicy.REPLACE_ARCHIVED, values(key, "replace-archived").oneOf(key, ConflictPolicy.QUARANTINE_NEWCOMER));
        assertEquals(ConflictPolicy.REPLACE_ARCHIVED, values(key, " REPLACE_ARCHIVED ").oneOf(key, ConflictPolicy.QUARANTINE_NEWCOMER));
        assertEquals("neuroarchive.import.conflict-policy=newest (env NEUROARCHIVE_IMPORT_CONFLICT_POLICY) is not one of "
                + "quarantine-newcomer, replace-archived", refusal(() -> values(key, "newest").oneOf(key, ConflictPolicy.QUARANTINE_NEWCOMER)));
    }

    @Test
    void listsAndPaths() {
        assertEquals(List.of("a", "b"), values("k", " a, ,b ").list("k", "x"));
        assertEquals(List.of("x", "y"), values().list("k", "x,y"));
        assertEquals(Path.of("/srv/na/data"), values("k", "/srv/na/./data/").path("k").orElseThrow());
        assertTrue(refusal(() -> values("k", "a\0b").path("k")).startsWith("k=a\0b (env K) is not a path"));
        assertEquals(Optional.of(" secret "), values("k", " secret ").exact("k"), "passwords keep their blanks");
    }

    @Test
    void aRenamedKeyStillWorksUnderItsOldNameWithOneLineForTheLog() {
        SettingReader settings = values("neuroarchive.import.max-files", "12").renamed("neuroarchive.import.max-files",
                "neuroarchive.individual.max-files");
        assertEquals(12, settings.wholeNumber("neuroarchive.individual.max-files", 100, 1, 1000));
        assertEquals(12, settings.wholeNumber("neuroarchive.individual.max-files", 100, 1, 1000));
        assertEquals(List.of("neuroarchive.import.max-files (env NEUROARCHIVE_IMPORT_MAX_FILES) is deprecated: name it "
                + "neuroarchive.individual.max-files (env NEUROARCHIVE_INDIVIDUAL_MAX_FILES)"), settings.deprecations());

        SettingReader both = values("neuroarchive.import.max-files", "12", "neuroarchive.individual.max-files", "13")
                .renamed("neuroarchive.import.max-files", "neuroarchive.individual.max-files");
        assertEquals(13, both.wholeNumber("neuroarchive.individual.max-files", 100, 1, 1000), "the new name wins");
        assertTrue(both.deprecations().get(0).contains("is ignored: neuroarchive.individual.max-files is set"));

        assertEquals("neuroarchive.import.max-files=0 (env NEUROARCHIVE_IMPORT_MAX_FILES) is not a whole number between 1 and 1000",
                refusal(() -> values("neuroarchive.import.max-files", "0").renamed("neuroarchive.import.max-files",
                        "neuroarchive.individual.max-files").wholeNumber("neuroarchive.individual.max-files", 100, 1, 1000)),
                "the refusal names the key as it was set");
        assertEquals(List.of(), values("neuroarchive.individual.max-files", "5").deprecations());
    }

    @Test
    void theEnvironmentVariableIsMicroProfileConfigs() {
        assertEquals("NEUROARCHIVE_DICOM_TLS_KEYSTORE_PASSWORD", SettingReader.environment("neuroarchive.dicom.tls.keystore-password"));
    }
}
