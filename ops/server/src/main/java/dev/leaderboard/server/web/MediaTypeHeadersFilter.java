package dev.leaderboard.server.web;

import dev.leaderboard.server.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;

/**
 * Refuses media-type headers Spring MVC cannot handle, before it tries: a Content-Type that does not parse or is a
 * wildcard ({@code application/*} made it fail while reading the headers: a 500) is 415; an Accept that does not
 * parse is 406 (content negotiation failed on it, and then again while rendering the error, leaving an empty 406).
 * Both answers are problem+json whatever the Accept header says.
 */
public class MediaTypeHeadersFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    public MediaTypeHeadersFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank()) {
            String refusal = null;
            try {
                if (!MediaType.parseMediaType(contentType).isConcrete()) {
                    refusal = "Content-Type must be one concrete media type, not a wildcard";
                }
            } catch (IllegalArgumentException e) { // InvalidMediaTypeException and the MIME parser's own
                refusal = "Content-Type is not a media type";
            }
            if (refusal != null) {
                problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", refusal);
                return;
            }
        }
        try {
            MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        } catch (IllegalArgumentException e) {
            problems.write(response, HttpStatus.NOT_ACCEPTABLE, "Not acceptable", "the Accept header does not parse");
            return;
        }
        chain.doFilter(request, response);
    }
}
