package org.neuroarchive.web.dicomweb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.neuroarchive.dicomweb.control.StowResult;

class StowResponseTest {

    private static final String BASE = "https://archive.example/neuroarchive/dicomweb/";
    private static final String MR = "1.2.840.10008.5.1.4.1.1.4";

    @Test
    void everythingStoredIs200WithTheStudyAndEachInstance() {
        StowResult result = new StowResult();
        result.add(new StowResult.Stored(MR, "1.2.3.1", "1.2.3", "1.2.3.9"));
        result.add(new StowResult.Stored(MR, "1.2.3.2", "1.2.3", "1.2.3.9"));
        StowResponse response = StowResponse.of(result, BASE, null);
        assertEquals(200, response.status());
        JsonObject json = parse(response.json());
        assertEquals(BASE + "studies/1.2.3", json.getJsonObject("00081190").getJsonArray("Value").getString(0));
        assertFalse(json.containsKey("00081198"), "no FailedSOPSequence");
        JsonObject referenced = json.getJsonObject("00081199");
        assertEquals("SQ", referenced.getString("vr"));
        JsonObject second = referenced.getJsonArray("Value").getJsonObject(1);
        assertEquals(MR, second.getJsonObject("00081150").getJsonArray("Value").getString(0));
        assertEquals("UI", second.getJsonObject("00081155").getString("vr"));
        assertEquals("1.2.3.2", second.getJsonObject("00081155").getJsonArray("Value").getString(0));
        assertEquals(BASE + "studies/1.2.3/series/1.2.3.9/instances/1.2.3.2",
                second.getJsonObject("00081190").getJsonArray("Value").getString(0));
    }

    @Test
    void someFailedIs202WithTheirReasonsAsNumbers() {
        StowResult result = new StowResult();
        result.add(new StowResult.Stored(MR, "1.2.3.1", "1.2.3", "1.2.3.9"));
        result.add(new StowResult.Stored(MR, "1.2.4.1", "1.2.4", "1.2.4.9"));
        result.add(new StowResult.Failed("", "", StowResult.CANNOT_UNDERSTAND, "not DICOM"));
        StowResponse response = StowResponse.of(result, BASE, null);
        assertEquals(202, response.status());
        JsonObject json = parse(response.json());
        assertFalse(json.containsKey("00081190"), "two studies: no RetrieveURL of one");
        JsonObject failed = json.getJsonObject("00081198").getJsonArray("Value").getJsonObject(0);
        assertEquals(0xC000, failed.getJsonObject("00081197").getJsonArray("Value").getInt(0));
        assertEquals("US", failed.getJsonObject("00081197").getString("vr"));
        assertEquals("UI", failed.getJsonObject("00081155").getString("vr"));
        assertFalse(failed.getJsonObject("00081155").containsKey("Value"), "an unreadable UID has no value");
    }

    @Test
    void noneStoredIs409AndNamesTheStudyOfThePathNowhere() {
        StowResult result = new StowResult();
        result.add(new StowResult.Failed(MR, "1.2.5.1", StowResult.DATA_SET_DOES_NOT_MATCH, "another study"));
        StowResponse response = StowResponse.of(result, BASE, "1.2.3");
        assertEquals(409, response.status());
        JsonObject json = parse(response.json());
        assertFalse(json.containsKey("00081190"));
        assertFalse(json.containsKey("00081199"));
        JsonObject failed = json.getJsonObject("00081198").getJsonArray("Value").getJsonObject(0);
        assertEquals(0xA900, failed.getJsonObject("00081197").getJsonArray("Value").getInt(0));
        assertEquals("1.2.5.1", failed.getJsonObject("00081155").getJsonArray("Value").getString(0));
    }

    @Test
    void theXmlIsTheNativeDicomModel() throws Exception {
        StowResult result = new StowResult();
        result.add(new StowResult.Stored(MR, "1.2.3.1", "1.2.3", "1.2.3.9"));
        result.add(new StowResult.Failed("", "", StowResult.OUT_OF_RESOURCES, "too large"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(new InputSource(new StringReader(
                StowResponse.of(result, BASE + "?a&b", "1.2.3").xml())));
        Element root = xml.getDocumentElement();
        assertEquals("NativeDicomModel", root.getLocalName());
        assertEquals("http://dicom.nema.org/PS3.19/models/NativeDICOM", root.getNamespaceURI());
        Element retrieve = (Element) root.getElementsByTagName("DicomAttribute").item(0);
        assertEquals("00081190", retrieve.getAttribute("tag"));
        assertEquals(BASE + "?a&bstudies/1.2.3", retrieve.getTextContent(), "escaped and read back");
        Element failed = (Element) root.getElementsByTagName("DicomAttribute").item(1);
        assertEquals("FailedSOPSequence", failed.getAttribute("keyword"));
        assertEquals("1", ((Element) failed.getElementsByTagName("Item").item(0)).getAttribute("number"));
        assertTrue(xml.getElementsByTagName("Value").getLength() >= 4);
        boolean reason = false;
        for (int i = 0; i < root.getElementsByTagName("DicomAttribute").getLength(); i++) {
            Element a = (Element) root.getElementsByTagName("DicomAttribute").item(i);
            if ("00081197".equals(a.getAttribute("tag"))) {
                assertEquals("US", a.getAttribute("vr"));
                assertEquals(Integer.toString(0xA700), a.getTextContent());
                reason = true;
            }
        }
        assertTrue(reason, "FailureReason written");
    }

    @Test
    void xmlOnlyWhenAskedForAheadOfJson() {
        assertFalse(StowResponseTypes.wantsXml(List.of()));
        assertFalse(StowResponseTypes.wantsXml(List.of(MediaType.WILDCARD_TYPE)));
        assertTrue(StowResponseTypes.wantsXml(List.of(new MediaType("application", "dicom+xml"))));
        assertFalse(StowResponseTypes.wantsXml(List.of(new MediaType("application", "dicom+json"),
                new MediaType("application", "dicom+xml"))));
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
