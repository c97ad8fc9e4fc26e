package org.neuroarchive.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.TransferSyntax;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.testing.SyntheticSeries;

class DicomJsonHeaderTest {

    @TempDir
    Path dir;

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private Path file() {
        SyntheticSeries series = SyntheticSeries.mr().patient("JSON-ID-1", "Jsonname^Pat=Ideo^Name")
                .study("1.2.826.0.1.3680043.10.1.1", "20260401", "101500", "JSON study")
                .series(3, "T1 \"quoted\" \\ back").with("ImageType", "ORIGINAL\\PRIMARY\\M").with("RepetitionTime", "2000.50")
                .instances(1);
        List<Path> files = series.writeTo(dir, "j");
        return files.get(0);
    }

    @Test
    void theHeaderInTheDicomJsonModel() throws Exception {
        JsonObject json = parse(DicomJsonHeader.of(file(), true));
        assertEquals("PN", json.getJsonObject("00100010").getString("vr"));
        JsonObject name = json.getJsonObject("00100010").getJsonArray("Value").getJsonObject(0);
        assertEquals("Jsonname^Pat", name.getString("Alphabetic"));
        assertEquals("Ideo^Name", name.getString("Ideographic"));
        assertEquals("JSON-ID-1", json.getJsonObject("00100020").getJsonArray("Value").getString(0));
        assertEquals("DA", json.getJsonObject("00080020").getString("vr"));
        assertEquals("20260401", json.getJsonObject("00080020").getJsonArray("Value").getString(0));
        assertEquals(List.of("ORIGINAL", "PRIMARY", "M"), json.getJsonObject("00080008").getJsonArray("Value")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(2000.5, json.getJsonObject("00180080").getJsonArray("Value").getJsonNumber(0).doubleValue());
        assertEquals(3, json.getJsonObject("00200011").getJsonArray("Value").getJsonNumber(0).intValue(), "IS as a number");
        assertEquals("T1 \"quoted\" \\ back".split("\\\\")[0].strip(), json.getJsonObject("0008103E").getJsonArray("Value")
                .getString(0), "a backslash separates values; quotes are escaped");
        assertTrue(json.getJsonObject("00280010").getJsonArray("Value").getJsonNumber(0).intValue() > 0, "US as a number");
        assertFalse(json.containsKey("7FE00010"), "no pixel data");
        assertFalse(json.containsKey("00020010"), "no file meta information");
    }

    @Test
    void withoutPatientIdentityThePatientsIdentifyingAttributesAreLeftOut() throws Exception {
        String text = DicomJsonHeader.of(file(), false);
        JsonObject json = parse(text);
        assertFalse(json.containsKey("00100010"));
        assertFalse(json.containsKey("00100020"));
        assertFalse(json.containsKey("00100030"));
        assertFalse(text.contains("Jsonname") || text.contains("JSON-ID-1"), text);
        assertTrue(json.containsKey("00100040"), "sex is a characteristic, kept");
        assertTrue(json.containsKey("0020000D"));
    }

    @Test
    void withoutPatientIdentityPrivateAndOtherIdentifyingAttributesGoToo() throws Exception {
        Path file = SyntheticSeries.mr().patient("JSON-ID-2", "Other^Pat")
                .with("ReferringPhysicianName", "Referrer^Rita").with("InstitutionName", "St Example Hospital")
                .with("OperatorsName", "Operator^Olaf").with("AccessionNumber", "ACC-777").instances(1).writeTo(dir, "p").get(0);
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        LongStringAttribute creator = new LongStringAttribute(new AttributeTag(0x0029, 0x0010));
        creator.addValue("ACME PRIVATE");
        list.put(creator);
        LongStringAttribute hidden = new LongStringAttribute(new AttributeTag(0x0029, 0x1001));
        hidden.addValue("Hidden^Patient");
        list.put(hidden);
        list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);

        String shown = DicomJsonHeader.of(file, true);
        assertTrue(shown.contains("Referrer^Rita") && shown.contains("Hidden^Patient") && shown.contains("ACC-777"), shown);
        String masked = DicomJsonHeader.of(file, false);
        for (String identifying : List.of("Referrer", "St Example", "Operator", "ACC-777", "Hidden", "ACME", "Other^Pat", "JSON-ID-2")) {
            assertFalse(masked.contains(identifying), identifying + " in " + masked);
        }
        JsonObject json = parse(masked);
        assertTrue(json.containsKey("0008103E") && json.containsKey("00080020") && json.containsKey("0020000E"),
                "descriptions, dates and UIDs stay: " + masked);
    }

    @Test
    void theStoredTransferSyntaxComesFromTheMetaInformation() {
        assertTrue(StoredTransferSyntax.of(file()).orElseThrow().startsWith("1.2.840.10008.1.2"));
        assertTrue(StoredTransferSyntax.of(dir.resolve("missing")).isEmpty());
    }

    @Test
    void objectsEscapeAndOrderTheirAttributes() {
        DicomJsonObject json = new DicomJsonObject().put(0x0020000D, "UI", "1.2").put(0x00100010, "PN", "A\"b")
                .put(0x00201208, "IS", "007").empty(0x00080050, "SH").binary(0x00091010, "OB", new byte[] {1, 2, 3})
                .sequence(0x00081115, List.of(new DicomJsonObject().put(0x0020000E, "UI", "1.3")));
        assertEquals("{\"00080050\":{\"vr\":\"SH\"},\"00081115\":{\"vr\":\"SQ\",\"Value\":[{\"0020000E\":{\"vr\":\"UI\","
                + "\"Value\":[\"1.3\"]}}]},\"00091010\":{\"vr\":\"OB\",\"InlineBinary\":\"AQID\"},\"00100010\":{\"vr\":\"PN\","
                + "\"Value\":[{\"Alphabetic\":\"A\\\"b\"}]},\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"1.2\"]},"
                + "\"00201208\":{\"vr\":\"IS\",\"Value\":[7]}}", json.toJson());
        assertEquals(List.of(8, 0x00100020), List.of(DicomKeywords.tagOf("00000008").orElseThrow(),
                DicomKeywords.tagOf("PatientID").orElseThrow()));
        assertTrue(DicomKeywords.tagOf("NoSuchKeyword").isEmpty());
        assertEquals("PN", DicomKeywords.vrOf(0x00100010));
    }
}
