package dev.offboarding.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offboarding.process.DecisionRules;
import dev.offboarding.report.OffboardingReport;
import dev.offboarding.report.OffboardingReports;
import dev.offboarding.report.ReportPage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The offboarding REST API of PROCESS.md. */
@RestController
@RequestMapping(path = "/api/offboardings", produces = MediaType.APPLICATION_JSON_VALUE)
class OffboardingController {

    static final int MAX_PAGE_SIZE = 200;

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final OffboardingService offboardings;
    private final OffboardingViews views;
    private final OffboardingReports reports;
    private final BulkRequests bulkRequests;
    private final BulkStarts bulkStarts;

    OffboardingController(OffboardingService offboardings, OffboardingViews views, OffboardingReports reports,
                          BulkRequests bulkRequests, BulkStarts bulkStarts) {
        this.bulkStarts = bulkStarts;
        this.offboardings = offboardings;
        this.views = views;
        this.reports = reports;
        this.bulkRequests = bulkRequests;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OffboardingView> start(@RequestBody StartOffboardingRequest request) {
        String id = offboardings.start(request);
        return ResponseEntity.created(URI.create("/api/offboardings/" + id)).body(views.get(id));
    }

    /** The dry run: what each step would do to this user. Reads the tenant, changes nothing, starts nothing. */
    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    dev.offboarding.process.OffboardingPreview.Preview preview(@RequestBody StartOffboardingRequest request) {
        return offboardings.preview(request);
    }

    @GetMapping("/{id}")
    OffboardingView get(@PathVariable String id) {
        return views.get(id);
    }

    /** The audit report: JSON by default, a printable page for {@code Accept: text/html} or {@code ?format=html}. */
    @GetMapping(path = "/{id}/report", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_HTML_VALUE})
    ResponseEntity<?> report(@PathVariable String id, @RequestParam(required = false) String format,
                             @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean html = wantsHtml(format, accept);
        OffboardingReport report = reports.find(id).orElseThrow(() ->
                ApiProblem.notFound("There is no offboarding " + DecisionRules.printable(id) + "."));
        if (html) {
            return ResponseEntity.ok().contentType(HTML)
                    .header("Content-Security-Policy", ReportPage.CONTENT_SECURITY_POLICY)
                    .body(ReportPage.html(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    /** {@code format} decides; without it, HTML only when the caller prefers it to JSON (a browser does, curl not). */
    private static boolean wantsHtml(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "html" -> true;
                case "json" -> false;
                default -> throw ApiProblem.badRequest("format must be json or html.");
            };
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        double html = 0;
        double json = 0;
        for (MediaType type : accepted) {
            // Only types named outright count: */* and text/* say nothing about a preference.
            if (!type.isWildcardSubtype()) {
                if (type.isCompatibleWith(MediaType.TEXT_HTML) || type.isCompatibleWith(MediaType.APPLICATION_XHTML_XML)) {
                    html = Math.max(html, type.getQualityValue());
                } else if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                    json = Math.max(json, type.getQualityValue());
                }
            }
        }
        return html > json;
    }

    @GetMapping
    List<OffboardingView.Summary> list(@RequestParam(required = false) String state,
                                       @RequestParam(required = false) String userPrincipalName,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "50") int size) {
        OffboardingState wanted = null;
        if (state != null && !state.isBlank()) {
            try {
                wanted = OffboardingState.valueOf(state.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("state must be one of " + List.of(OffboardingState.values()) + ".");
            }
        }
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.badRequest("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        return views.list(wanted, userPrincipalName, page, size);
    }

    @PostMapping(path = "/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
    BulkResult bulkJson(@RequestBody JsonNode body) {
        return bulkStarts.startAll(bulkRequests.fromJson(body));
    }

    @PostMapping(path = "/bulk", consumes = "text/csv")
    BulkResult bulkCsv(@RequestBody String body) {
        return bulkStarts.startAll(bulkRequests.fromCsv(body));
    }

    @PostMapping("/{id}/cancel")
    OffboardingView cancel(@PathVariable String id) {
        offboardings.cancel(id);
        return views.get(id);
    }

    @PostMapping("/{id}/restore")
    OffboardingView restore(@PathVariable String id) {
        offboardings.restore(id);
        return views.get(id);
    }
}
