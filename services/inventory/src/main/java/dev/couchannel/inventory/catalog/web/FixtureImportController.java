package dev.couchannel.inventory.catalog.web;

import dev.couchannel.inventory.admin.Admins;
import dev.couchannel.inventory.catalog.CalendarFormat;
import dev.couchannel.inventory.catalog.LineProblem;
import dev.couchannel.inventory.catalog.ParsedCalendar;
import dev.couchannel.inventory.catalog.application.ImportFixtures;
import dev.couchannel.platform.service.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/fixtures/import} (contracts/openapi): an admin adds a fixtures calendar,
 * uploaded as {@code text/csv} or {@code text/calendar}, or fetched from a URL. All or nothing: one
 * bad line and nothing is written.
 */
@RestController
class FixtureImportController {

    private static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar");
    private static final String PATH = "/api/admin/fixtures/import";
    private static final String IDENTITY =
            "competition + homeTeam + awayTeam + kickoff; a known fixture is skipped, a moved kickoff is a new fixture";

    private final ImportFixtures importFixtures;
    private final CalendarDownload download;
    private final Admins admins;

    FixtureImportController(ImportFixtures importFixtures, CalendarDownload download, Admins admins) {
        this.importFixtures = importFixtures;
        this.download = download;
        this.admins = admins;
    }

    record UrlImport(
            @NotBlank @Size(max = 2000) String url, @NotNull CalendarFormat format) {}

    record Imported(int imported, int unchanged, List<LineProblem> errors, String identity) {}

    /** One handler for both files: an empty body matches any {@code consumes}, two would be ambiguous. */
    @PostMapping(
            path = PATH,
            consumes = {"text/csv", "text/calendar"})
    Imported file(@RequestBody(required = false) byte @Nullable [] body, HttpServletRequest http) {
        admins.require(http, "import fixtures");
        MediaType type = MediaType.parseMediaType(http.getContentType());
        CalendarFormat format = type.isCompatibleWith(TEXT_CALENDAR) ? CalendarFormat.ICAL : CalendarFormat.CSV;
        return importText(format, body == null ? "" : CalendarDownload.text(body));
    }

    @PostMapping(path = PATH, consumes = "application/json")
    Imported url(@Valid @RequestBody UrlImport body, HttpServletRequest http) {
        admins.require(http, "import fixtures");
        return importText(body.format(), download.fetch(body.url()));
    }

    private Imported importText(CalendarFormat format, String text) {
        if (text.isBlank()) {
            throw ApiProblem.badRequest("The file is empty; send a " + format + " calendar with at least one fixture.");
        }
        ParsedCalendar calendar = format.parse(text);
        if (!calendar.valid()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "Bad request",
                    calendar.problems().size() + " line(s) of the " + format
                            + " calendar are wrong; fix them and send the file again (nothing was imported).",
                    Map.of("errors", calendar.problems()));
        }
        ImportFixtures.Outcome outcome = importFixtures.importAll(calendar);
        return new Imported(outcome.imported(), outcome.unchanged(), List.of(), IDENTITY);
    }
}
