package org.neuroarchive.web.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of the whole application (web.xml maps 400, 401, 403, 404, 405, 411, 413, 415, 421 and 500 here):
 * a problem document ({@code application/problem+json}) for the API, a short page otherwise. The
 * container's own error pages would name the server and its version.
 */
@WebServlet(ErrorAnswer.PATH)
public class ErrorAnswer extends HttpServlet {

    public static final String PATH = "/auth/error";
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = message == null || message.toString().isBlank() ? title(status) : message.toString();
        String context = request.getContextPath();
        // the JSON API and DICOMweb answer problem+json, the screens a page
        boolean api = uri != null && uri.toString().startsWith(context)
                && PublicPaths.isApi(uri.toString().substring(context.length()));
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        if (status == 500) {
            detail = "the server could not answer this request; the server log has the details";
        }
        if (api) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"title\":" + Answers.quote(title(status)) + ",\"status\":" + status
                    + ",\"detail\":" + Answers.quote(detail) + "}");
        } else {
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>" + status + " " + escape(title(status))
                    + " · NeuroArchive</title></head><body><h1>" + escape(title(status)) + "</h1><p>" + escape(detail)
                    + "</p><p><a href=\"" + escape(request.getContextPath()) + "/\">NeuroArchive</a></p></body></html>");
        }
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 421 -> "Misdirected Request";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
