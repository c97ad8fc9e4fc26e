package org.neuroarchive.web.dicomweb;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.neuroarchive.dicomweb.control.StowResult;

/**
 * The PS3.18 Store Instances response of one STOW-RS request, as DICOM JSON ({@code application/dicom+json},
 * PS3.18 Annex F) or as the Native DICOM Model ({@code application/dicom+xml}, PS3.19): RetrieveURL
 * (0008,1190) of the study (the one of the path, or the only one the stored objects belong to),
 * ReferencedSOPSequence (0008,1199) with each stored object's SOP class, SOP instance and RetrieveURL
 * under {@code studies/…/series/…/instances/…}, and FailedSOPSequence (0008,1198) with each refused
 * object's UIDs (absent when unreadable) and FailureReason (0008,1197). The HTTP status: 200 when every
 * object was stored, 202 when some were and some not, 409 when none was.
 */
final class StowResponse {

    static final String JSON = "application/dicom+json";
    static final String XML = "application/dicom+xml";

    /** One attribute: text values, or the items of a sequence. */
    record Attribute(String tag, String vr, String keyword, List<String> values, List<List<Attribute>> items) {

        static Attribute text(String tag, String vr, String keyword, String value) {
            return new Attribute(tag, vr, keyword, value == null || value.isEmpty() ? List.of() : List.of(value), List.of());
        }

        static Attribute sequence(String tag, String keyword, List<List<Attribute>> items) {
            return new Attribute(tag, "SQ", keyword, List.of(), items);
        }
    }

    private final List<Attribute> attributes;
    private final int status;

    private StowResponse(List<Attribute> attributes, int status) {
        this.attributes = attributes;
        this.status = status;
    }

    /** The response to {@code result}; {@code base} is the DICOMweb root ending in {@code /}, {@code study} the path's (or null). */
    static StowResponse of(StowResult result, String base, String study) {
        List<Attribute> attributes = new ArrayList<>();
        String retrieveStudy = study != null ? study : onlyStudy(result);
        if (retrieveStudy != null && !result.stored().isEmpty()) {
            attributes.add(Attribute.text("00081190", "UR", "RetrieveURL", base + "studies/" + retrieveStudy));
        }
        if (!result.failed().isEmpty()) {
            attributes.add(Attribute.sequence("00081198", "FailedSOPSequence", result.failed().stream()
                    .map(StowResponse::failedItem).toList()));
        }
        if (!result.stored().isEmpty()) {
            attributes.add(Attribute.sequence("00081199", "ReferencedSOPSequence", result.stored().stream()
                    .map(stored -> storedItem(stored, base)).toList()));
        }
        return new StowResponse(List.copyOf(attributes), status(result));
    }

    /** 200 all stored, 202 some stored and some failed, 409 none stored. */
    static int status(StowResult result) {
        if (result.stored().isEmpty()) {
            return 409;
        }
        return result.failed().isEmpty() ? 200 : 202;
    }

    int status() {
        return status;
    }

    List<Attribute> attributes() {
        return attributes;
    }

    private static String onlyStudy(StowResult result) {
        Set<String> studies = result.stored().stream().map(StowResult.Stored::studyInstanceUid).collect(Collectors.toSet());
        return studies.size() == 1 ? studies.iterator().next() : null;
    }

    private static List<Attribute> failedItem(StowResult.Failed failed) {
        return List.of(Attribute.text("00081150", "UI", "ReferencedSOPClassUID", failed.sopClassUid()),
                Attribute.text("00081155", "UI", "ReferencedSOPInstanceUID", failed.sopInstanceUid()),
                Attribute.text("00081197", "US", "FailureReason", Integer.toString(failed.reason())));
    }

    private static List<Attribute> storedItem(StowResult.Stored stored, String base) {
        return List.of(Attribute.text("00081150", "UI", "ReferencedSOPClassUID", stored.sopClassUid()),
                Attribute.text("00081155", "UI", "ReferencedSOPInstanceUID", stored.sopInstanceUid()),
                Attribute.text("00081190", "UR", "RetrieveURL", base + "studies/" + stored.studyInstanceUid() + "/series/"
                        + stored.seriesInstanceUid() + "/instances/" + stored.sopInstanceUid()));
    }

    /** DICOM JSON (PS3.18 Annex F): numbers (US) as JSON numbers, every other value as a string. */
    String json() {
        StringBuilder out = new StringBuilder();
        json(attributes, out);
        return out.toString();
    }

    private static void json(List<Attribute> list, StringBuilder out) {
        out.append('{');
        for (int i = 0; i < list.size(); i++) {
            Attribute a = list.get(i);
            out.append(i == 0 ? "" : ",").append('"').append(a.tag()).append("\":{\"vr\":\"").append(a.vr()).append('"');
            if (!a.items().isEmpty()) {
                out.append(",\"Value\":[");
                for (int j = 0; j < a.items().size(); j++) {
                    out.append(j == 0 ? "" : ",");
                    json(a.items().get(j), out);
                }
                out.append(']');
            } else if (!a.values().isEmpty()) {
                out.append(",\"Value\":[");
                for (int j = 0; j < a.values().size(); j++) {
                    out.append(j == 0 ? "" : ",");
                    out.append("US".equals(a.vr()) ? a.values().get(j) : quoted(a.values().get(j)));
                }
                out.append(']');
            }
            out.append('}');
        }
        out.append('}');
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** The Native DICOM Model (PS3.19 Annex A). */
    String xml() {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<NativeDicomModel xmlns=\"http://dicom.nema.org/PS3.19/models/NativeDICOM\">");
        xml(attributes, out);
        return out.append("</NativeDicomModel>\n").toString();
    }

    private static void xml(List<Attribute> list, StringBuilder out) {
        for (Attribute a : list) {
            out.append("<DicomAttribute tag=\"").append(a.tag()).append("\" vr=\"").append(a.vr())
                    .append("\" keyword=\"").append(a.keyword()).append("\">");
            for (int j = 0; j < a.items().size(); j++) {
                out.append("<Item number=\"").append(j + 1).append("\">");
                xml(a.items().get(j), out);
                out.append("</Item>");
            }
            for (int j = 0; j < a.values().size(); j++) {
                out.append("<Value number=\"").append(j + 1).append("\">").append(escaped(a.values().get(j)))
                        .append("</Value>");
            }
            out.append("</DicomAttribute>");
        }
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
