package dev.offboarding.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.springframework.http.ProblemDetail;

/** The answer to a bulk request: one result per row, in the order of the rows. */
public record BulkResult(int total, int started, int failed, List<Row> results) {

    /**
     * @param row    1-based number of the row (for CSV: of the data row, the header not counted)
     * @param status the HTTP status the row would have had on its own (201, 400, 404, 409, ...)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(int row, String userPrincipalName, int status, String id, String location, ProblemDetail problem) {
    }

    static BulkResult of(List<Row> rows) {
        int started = (int) rows.stream().filter(r -> r.status() == 201).count();
        return new BulkResult(rows.size(), started, rows.size() - started, rows);
    }
}
