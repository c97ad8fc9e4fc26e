package org.neuroarchive.dicomweb.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroarchive.common.control.RequestRejected;

class QidoQueryTest {

    private static QidoQuery parse(QidoLevel level, String... nameValue) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            parameters.computeIfAbsent(nameValue[i], k -> new java.util.ArrayList<>()).add(nameValue[i + 1]);
        }
        return QidoQuery.parse(level, parameters);
    }

    private static String refusal(QidoLevel level, String... nameValue) {
        RequestRejected rejected = assertThrows(RequestRejected.class, () -> parse(level, nameValue));
        assertEquals(RequestRejected.Reason.INVALID, rejected.reason());
        return rejected.getMessage();
    }

    @Test
    void keywordsAndTagsNameTheSameKey() {
        assertEquals(Map.of(QidoKey.PATIENT_ID, "X1"), parse(QidoLevel.STUDY, "PatientID", "X1").keys());
        assertEquals(Map.of(QidoKey.PATIENT_ID, "X1"), parse(QidoLevel.STUDY, "00100020", "X1").keys());
        assertEquals(Map.of(QidoKey.SERIES_INSTANCE_UID, "1.2"), parse(QidoLevel.INSTANCE, "0020000e", "1.2").keys());
        assertTrue(refusal(QidoLevel.STUDY, "PatientID", "a", "00100020", "b").contains("twice"));
    }

    @Test
    void unknownParametersAndKeysOfLowerLevelsAreRefused() {
        assertTrue(refusal(QidoLevel.STUDY, "PatientIdentifier", "x").contains("unknown query parameter PatientIdentifier"));
        assertTrue(refusal(QidoLevel.STUDY, "Modality", "MR").contains("not a matching key of a study search"));
        assertTrue(refusal(QidoLevel.SERIES, "SOPInstanceUID", "1.2").contains("not a matching key of a series search"));
        assertTrue(refusal(QidoLevel.STUDY, "AccessionNumber", "A1").contains("cannot match on this attribute"));
    }

    @Test
    void anEmptyKeyAsksForTheAttributeOnly() {
        QidoQuery query = parse(QidoLevel.SERIES, "AccessionNumber", "", "00080020", "");
        assertTrue(query.keys().isEmpty());
        assertTrue(query.includes(0x00080050));
        assertTrue(query.includes(0x00080020));
        assertFalse(query.includes(0x00100010));
    }

    @Test
    void includefieldTakesKeywordsTagsListsAndAll() {
        QidoQuery query = parse(QidoLevel.SERIES, "includefield", "StudyDate,00081030", "includefield", "ProtocolName");
        assertTrue(query.includes(0x00080020) && query.includes(0x00081030) && query.includes(0x00181030));
        assertFalse(query.includeAll());
        assertFalse(query.includes(0x00100010));
        assertTrue(parse(QidoLevel.SERIES, "includefield", "all").includes(0x00100010));
        assertTrue(refusal(QidoLevel.SERIES, "includefield", "NoSuchField").contains("includefield=NoSuchField"));
    }

    @Test
    void limitAndOffset() {
        QidoQuery query = parse(QidoLevel.STUDY, "limit", "5", "offset", "10");
        assertEquals(5, query.limit());
        assertEquals(10, query.offset());
        assertEquals(QidoQuery.DEFAULT_LIMIT, parse(QidoLevel.STUDY).limit());
        assertTrue(refusal(QidoLevel.STUDY, "limit", "0").contains("limit=0"));
        assertTrue(refusal(QidoLevel.STUDY, "limit", "1001").contains("limit=1001"));
        assertTrue(refusal(QidoLevel.STUDY, "offset", "-1").contains("offset=-1"));
        assertTrue(refusal(QidoLevel.STUDY, "offset", "ten").contains("offset=ten"));
    }

    @Test
    void fuzzymatchingIsAcceptedAndIgnored() {
        assertTrue(parse(QidoLevel.STUDY, "fuzzymatching", "true", "PatientName", "Doe*").keys()
                .containsKey(QidoKey.PATIENT_NAME));
        assertTrue(refusal(QidoLevel.STUDY, "fuzzymatching", "maybe").contains("fuzzymatching"));
    }

    @Test
    void numbersAndDatesAreCheckedWhenParsed() {
        assertTrue(refusal(QidoLevel.SERIES, "SeriesNumber", "two").contains("SeriesNumber=two"));
        assertTrue(refusal(QidoLevel.STUDY, "StudyDate", "20260431").contains("not a DICOM date"));
        assertEquals("3", parse(QidoLevel.SERIES, "SeriesNumber", "3").value(QidoKey.SERIES_NUMBER).orElseThrow());
    }

    @Test
    void dateRanges() {
        assertEquals(new DateRange(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1)), DateRange.parse("StudyDate", "20260401"));
        assertEquals(new DateRange(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)),
                DateRange.parse("StudyDate", "20260401-20260430"));
        DateRange from = DateRange.parse("StudyDate", "20260401-");
        assertEquals(LocalDate.of(2026, 4, 1), from.from());
        assertNull(from.to());
        DateRange upTo = DateRange.parse("StudyDate", "-20260430");
        assertNull(upTo.from());
        assertEquals(LocalDate.of(2026, 4, 30), upTo.to());
        for (String bad : List.of("-", "2026-04-01", "20260401-20260430-", "2026040", "20260230", "x")) {
            assertThrows(RequestRejected.class, () -> DateRange.parse("StudyDate", bad), bad);
        }
        RequestRejected backwards = assertThrows(RequestRejected.class, () -> DateRange.parse("StudyDate", "20260430-20260401"));
        assertTrue(backwards.getMessage().contains("ends before it begins"));
    }

    @Test
    void wildcardsBecomeLikePatternsWithEverythingElseLiteral() {
        assertEquals("doe^j%", Wildcards.like("Doe^J*"));
        assertEquals("d_e", Wildcards.like("D?E"));
        assertEquals("100!%!_x!!%", Wildcards.like("100%_x!*"));
        assertEquals("abc", Wildcards.like(" ABC "));
    }
}
