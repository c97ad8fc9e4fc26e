package org.neuroarchive.web.dicomweb;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/**
 * What a WADO-RS retrieve may be asked for (PS3.18 8.7): {@code multipart/related; type="application/dicom"}
 * (or {@code *}/{@code multipart/*}), with {@code transfer-syntax=*} or none: the archived files are sent
 * as stored, never re-encoded, so without the parameter too (PS3.18 would have Explicit VR Little Endian by
 * default; the part headers name each file's own transfer syntax). A named transfer syntax is served when
 * every file is stored in it. Anything else (single-part {@code application/dicom}, bulk data, rendered
 * media) is 406.
 */
final class RetrieveNegotiation {

    private RetrieveNegotiation() {
    }

    /**
     * The transfer syntax the caller requires ({@code Optional.empty()}: as stored).
     *
     * @throws NotAcceptableException no acceptable media type asks for DICOM parts
     */
    static Optional<String> transferSyntax(List<MediaType> accepted) {
        if (accepted.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> named = null;
        for (MediaType type : accepted) {
            if (type.isWildcardType() || type.getType().equals("multipart") && type.isWildcardSubtype()) {
                return Optional.empty();
            }
            if (type.getType().equals("multipart") && type.getSubtype().equals("related") && isDicom(type)) {
                String syntax = type.getParameters().get("transfer-syntax");
                if (syntax == null || syntax.equals("*")) {
                    return Optional.empty();
                }
                named = named == null ? Optional.of(syntax) : named;
            }
        }
        if (named == null) {
            throw new NotAcceptableException("WADO-RS serves the archived files as multipart/related; "
                    + "type=\"application/dicom\" (transfer-syntax=* or none: as stored), not " + accepted);
        }
        return named;
    }

    private static boolean isDicom(MediaType type) {
        String part = type.getParameters().get("type");
        return part == null || part.replace("\"", "").equalsIgnoreCase("application/dicom");
    }
}
