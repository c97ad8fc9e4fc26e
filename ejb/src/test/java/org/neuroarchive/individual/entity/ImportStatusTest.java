package org.neuroarchive.individual.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ImportStatusTest {

    private static Set<String> codes(java.util.function.Predicate<ImportStatus> which) {
        return Arrays.stream(ImportStatus.values()).filter(which).map(ImportStatus::code).collect(Collectors.toSet());
    }

    @Test
    void nidbsStatusNamesAndWhatEachAllows() {
        assertEquals(Set.of("uploading", "uploadcomplete", "uploaderror", "parsing", "parsingcomplete", "parsingerror",
                "queueforarchive", "archiving", "archivecomplete", "archiveerror", "cancelled"), codes(s -> true));
        assertEquals(Set.of("uploading", "uploadcomplete", "parsing", "queueforarchive", "archiving"),
                codes(ImportStatus::isRunning));
        assertEquals(Set.of("parsingcomplete", "archiveerror"), codes(ImportStatus::isArchivable));
        assertEquals(Set.of("parsingcomplete", "parsingerror", "archiveerror"), codes(ImportStatus::isReparsable));
        assertEquals(Set.of("archivecomplete", "cancelled"), codes(ImportStatus::isFinal));
        assertEquals(EnumSet.of(ImportStatus.ARCHIVING), EnumSet.of(ImportStatus.ofCode("archiving")));
        assertThrows(IllegalArgumentException.class, () -> ImportStatus.ofCode("done"));
    }
}
