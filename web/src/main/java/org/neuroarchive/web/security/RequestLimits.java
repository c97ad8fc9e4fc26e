package org.neuroarchive.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.neuroarchive.config.IndividualImportSettings;
import org.neuroarchive.config.SecuritySettings;

/**
 * How large a request body may be, enforced by the application itself, the same way on every server:
 * <ul>
 * <li>uploads ({@code multipart/form-data} to {@code POST /api/imports} and to the upload of the screen
 * {@code /imports/new}): {@code neuroarchive.individual.max-upload-bytes} plus {@value #MULTIPART_ENVELOPE}
 * bytes for the multipart envelope (the files themselves are counted by the upload, which refuses the
 * import with its reason);</li>
 * <li>DICOMweb STOW-RS ({@code multipart/related} to {@code POST /dicomweb/studies[/…]}): the same limit as
 * an upload;</li>
 * <li>everything else (JSON, forms): {@code neuroarchive.http.max-request-bytes}, 1 MiB by default.</li>
 * </ul>
 * A {@code Content-Length} above the limit is answered 413 before any byte is read. A body without a
 * length (chunked) is cut at the limit: reading beyond it fails, and the answer is 413 if it has not
 * been sent yet. Forms without a length are refused (411): the container parses them itself, past
 * this filter's counting.
 */
@WebFilter(filterName = "RequestLimits", urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class RequestLimits extends HttpFilter {

    /** Room for the parts' headers and boundaries of an upload, beyond its files. */
    static final long MULTIPART_ENVELOPE = 1024 * 1024;
    private static final long serialVersionUID = 1L;
    /** Where uploads arrive: the REST upload and the new-import screen (with and without its extension). */
    private static final List<String> UPLOAD_PATHS = List.of("/api/imports", "/imports/new", "/imports/new.xhtml");
    /** Where DICOMweb STOW-RS bodies arrive: {@code /dicomweb/studies} and {@code /dicomweb/studies/{uid}}. */
    private static final String STOW_PATH = "/dicomweb/studies";
    /** Methods whose requests carry no body worth counting. */
    private static final Set<String> BODILESS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    transient SecuritySettings security;

    @Inject
    transient IndividualImportSettings imports;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean upload = isUpload(request);
        long limit = upload ? imports.maxUploadBytes() + MULTIPART_ENVELOPE : security.maxRequestBytes();
        int refusal = upload ? (request.getContentLengthLong() > limit ? 413 : 0) : refusal(request, limit);
        if (refusal != 0) {
            refuse(response, refusal, upload, limit);
            return;
        }
        if (request.getContentLengthLong() >= 0 || BODILESS.contains(request.getMethod())) {
            chain.doFilter(request, response); // the container stops at Content-Length
            return;
        }
        // no length: chunked (HTTP/1.1), or simply not said (HTTP/2 has no Transfer-Encoding)
        LimitedBody limited = new LimitedBody(request, limit);
        try {
            chain.doFilter(limited, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!limited.exceeded()) {
                throw e;
            }
        }
        if (limited.exceeded() && !response.isCommitted()) {
            response.resetBuffer();
            refuse(response, 413, upload, limit);
        }
    }

    /**
     * Whether an ordinary request (not an upload) must be refused before its body is read: 413 when its
     * {@code Content-Length} is above {@code limit}, 411 for a form without one, otherwise 0. The
     * authentication mechanism asks this before it reads the login form.
     */
    static int refusal(HttpServletRequest request, long limit) {
        long length = request.getContentLengthLong();
        if (length > limit) {
            return 413;
        }
        return length < 0 && !BODILESS.contains(request.getMethod()) && isForm(request) ? 411 : 0;
    }

    /** Answers {@code status} (413 or 411) and closes the connection: the rest of the body is not wanted. */
    private static void refuse(HttpServletResponse response, int status, boolean upload, long limit) throws IOException {
        response.setHeader("Connection", "close");
        response.sendError(status, status == 411 ? "send forms with a Content-Length" : tooLarge(upload, limit));
    }

    static boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        if (!"POST".equals(request.getMethod()) || type == null) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        String path = NeuroArchiveAuthentication.path(request);
        return lower.startsWith("multipart/form-data") && UPLOAD_PATHS.contains(path)
                || lower.startsWith("multipart/related") && isStow(path);
    }

    private static boolean isStow(String path) {
        String stow = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return stow.equals(STOW_PATH) || stow.startsWith(STOW_PATH + "/") && stow.indexOf('/', STOW_PATH.length() + 1) < 0;
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/");
    }

    static String tooLarge(boolean upload, long limit) {
        return upload
                ? "an upload (or a STOW-RS body) may hold at most " + (limit - MULTIPART_ENVELOPE)
                        + " bytes (neuroarchive.individual.max-upload-bytes)"
                : "a request body may hold at most " + limit + " bytes (neuroarchive.http.max-request-bytes)";
    }
}
