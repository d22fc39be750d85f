package dev.offboarding.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offboarding.process.Decisions;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/** Reads a bulk request, JSON array or CSV, into rows that are each started or refused on their own. */
@Component
class BulkRequests {

    static final int MAX_ROWS = 1000;

    /** The columns of a CSV that hold decisions: any of them given, the row decides. */
    static final List<String> DECISION_COLUMNS = List.of("mailboxAction", "mailboxDelegate", "sharedMailboxDisplayName",
            "autoReplyInternal", "autoReplyExternal", "removeAliases", "oneDriveOwner", "removeLicenses",
            "reduceLicenseCount", "resetPassword", "removeAuthenticationMethods", "hideFromAddressList",
            "removeFromGroups", "removeInboxRules", "removeMobileDevices", "cancelMeetings", "removeMailboxPermissions",
            "forwardMailTo", "stopForwarding");

    /** The columns a CSV may have; only userPrincipalName is required. */
    static final List<String> CSV_COLUMNS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("userPrincipalName", "reason", "ticketReference", "leaveDate", "timeZone",
                    "template"),
            DECISION_COLUMNS.stream()).toList();

    /** A row: the request, or why it could not be read. */
    record Row(int number, String userPrincipalName, StartOffboardingRequest request, ApiProblem problem) {
    }

    private final ObjectMapper strict;

    BulkRequests(ObjectMapper json) {
        this.strict = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    List<Row> fromJson(JsonNode body) {
        if (body == null || !body.isArray()) {
            throw ApiProblem.badRequest("A JSON bulk request is an array of offboarding requests: [{\"userPrincipalName\": ...}, ...].");
        }
        checkSize(body.size());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode element = body.get(i);
            String upn = element.path("userPrincipalName").isTextual() ? element.path("userPrincipalName").asText() : null;
            try {
                if (!element.isObject()) {
                    throw ApiProblem.badRequest("Row " + (i + 1) + " is not a JSON object.");
                }
                rows.add(new Row(i + 1, upn, strict.treeToValue(element, StartOffboardingRequest.class), null));
            } catch (JsonProcessingException e) {
                rows.add(new Row(i + 1, upn, null, ApiProblem.badRequest(Problems.describe(e))));
            } catch (ApiProblem e) {
                rows.add(new Row(i + 1, upn, null, e));
            }
        }
        return rows;
    }

    List<Row> fromCsv(String body) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(body == null ? "" : body), format)) {
            List<String> header = parser.getHeaderNames();
            Set<String> unknown = new LinkedHashSet<>(header);
            CSV_COLUMNS.forEach(unknown::remove);
            if (header.isEmpty() || !header.contains("userPrincipalName")) {
                throw ApiProblem.badRequest("The CSV needs a header line with at least the column userPrincipalName. "
                        + "Possible columns: " + String.join(",", CSV_COLUMNS) + ".");
            }
            if (!unknown.isEmpty()) {
                throw ApiProblem.badRequest("Unknown CSV columns " + unknown.stream().map(dev.offboarding.process.DecisionRules::printable).toList()
                        + ". Possible columns: " + String.join(",", CSV_COLUMNS) + ".");
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                checkSize(rows.size() + 1);
                rows.add(csvRow(rows.size() + 1, record));
            }
            if (rows.isEmpty()) {
                throw ApiProblem.badRequest("The CSV has a header but no rows.");
            }
            return rows;
        } catch (IOException | IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw ApiProblem.badRequest("The CSV cannot be read: " + dev.offboarding.process.DecisionRules.printable(
                    String.valueOf(e.getMessage())) + ".");
        }
    }

    private Row csvRow(int number, CSVRecord record) {
        Map<String, String> values = record.toMap();
        String upn = values.get("userPrincipalName");
        if (!record.isConsistent()) {
            return new Row(number, upn, null, ApiProblem.badRequest("Row " + number + " has " + record.size()
                    + " values but the header has " + record.getParser().getHeaderNames().size() + " columns."));
        }
        try {
            Decisions decisions = null;
            boolean anyDecision = DECISION_COLUMNS.stream()
                    .anyMatch(column -> values.get(column) != null && !values.get(column).isBlank());
            if (anyDecision) {
                decisions = new Decisions(values.get("mailboxAction"), values.get("mailboxDelegate"),
                        values.get("sharedMailboxDisplayName"), values.get("autoReplyInternal"),
                        values.get("autoReplyExternal"), flag(values, "removeAliases"), values.get("oneDriveOwner"),
                        flag(values, "removeLicenses"), flag(values, "reduceLicenseCount"), flag(values, "resetPassword"),
                        flag(values, "removeAuthenticationMethods"), flag(values, "hideFromAddressList"),
                        flag(values, "removeFromGroups"), flag(values, "removeInboxRules"),
                        flag(values, "removeMobileDevices"), flag(values, "cancelMeetings"),
                        flag(values, "removeMailboxPermissions"), values.get("forwardMailTo"),
                        flag(values, "stopForwarding"));
            }
            return new Row(number, upn, new StartOffboardingRequest(upn, values.get("reason"),
                    values.get("ticketReference"), values.get("leaveDate"), values.get("timeZone"), values.get("template"),
                    decisions), null);
        } catch (ApiProblem e) {
            return new Row(number, upn, null, e);
        }
    }

    private static Boolean flag(Map<String, String> values, String column) {
        String value = values.get(column);
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw ApiProblem.badRequest(column + " must be true or false, not '"
                    + dev.offboarding.process.DecisionRules.printable(value) + "'.");
        };
    }

    private static void checkSize(int rows) {
        if (rows > MAX_ROWS) {
            throw new ApiProblem(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, "too-many-rows",
                    "Too many rows", "A bulk request may have at most " + MAX_ROWS + " rows; split it.");
        }
    }
}
