package org.neuroarchive.web.dicomweb;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.List;
import org.neuroarchive.dicomweb.control.QidoLevel;
import org.neuroarchive.dicomweb.control.QidoQuery;
import org.neuroarchive.dicomweb.control.QidoSearch;

/**
 * The HTTP side of QIDO-RS: the query parameters read into a {@link QidoQuery} (400 problem when they are
 * malformed), the matches as {@code application/dicom+json}. No match is {@code 200 []}: PS3.18 (8.3.4.2,
 * 10.6.3) lets a search answer 204 or 200 with an empty array, and an empty array is what every DICOMweb
 * client reads without a special case. When more match than {@code limit}, a {@code Warning: 299} says so.
 */
final class QidoAnswers {

    static final String DICOM_JSON = "application/dicom+json";

    private QidoAnswers() {
    }

    static QidoQuery query(QidoLevel level, UriInfo uri) {
        Map<String, List<String>> parameters = uri.getQueryParameters();
        return QidoQuery.parse(level, parameters);
    }

    static Response ok(QidoSearch.Answer answer, QidoQuery query) {
        Response.ResponseBuilder response = Response.ok(answer.json(), DICOM_JSON);
        if (answer.more()) {
            response.header("Warning", "299 neuroarchive: \"The number of results exceeded the limit of " + query.limit()
                    + ". Additional results can be requested with offset=" + (query.offset() + query.limit()) + ".\"");
        }
        return response.build();
    }

    /** The DICOMweb root as the caller reached it, ending with a slash (for RetrieveURL). */
    static String base(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base : base + "/";
    }
}
