package dk.fjernlaan.api;

import static dk.fjernlaan.platform.input.InputRules.AGENCY_ID;
import static dk.fjernlaan.platform.input.InputRules.AGENCY_ID_MESSAGE;
import static dk.fjernlaan.platform.input.InputRules.ID_LENGTH;
import static dk.fjernlaan.platform.input.InputRules.PID;
import static dk.fjernlaan.platform.input.InputRules.PID_MESSAGE;
import static dk.fjernlaan.platform.input.InputRules.TEXT_LENGTH;

import java.time.LocalDate;
import java.util.List;

import dk.fjernlaan.catalogue.BibRecord;
import dk.fjernlaan.catalogue.CatalogueService;
import dk.fjernlaan.catalogue.HoldingsSource;
import dk.fjernlaan.catalogue.HoldingsSources;
import dk.fjernlaan.catalogue.HoldingItem;
import dk.fjernlaan.catalogue.ItemStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The embedded catalogue over HTTP: records (manifestations) and holdings. */
@RestController
@Tag(name = "Catalogue and holdings", description = "Bibliographic records and the branches' items (embedded stores)")
class CatalogueController {

    private final CatalogueService catalogue;
    private final HoldingsSources sources;

    CatalogueController(CatalogueService catalogue, HoldingsSources sources) {
        this.catalogue = catalogue;
        this.sources = sources;
    }

    record HoldingsSourceBody(@NotNull HoldingsSource.Kind kind, String url, Integer timeoutMs) {}

    record HoldingsSourceView(HoldingsSource.Kind kind, String url, Integer timeoutMs) {
        static HoldingsSourceView of(HoldingsSource s) {
            return new HoldingsSourceView(s.kind(), s.url(), s.timeoutMs());
        }
    }

    @GetMapping("/api/libraries/{agencyId}/holdings-source")
    @Operation(summary = "Where the library's availability comes from: the embedded store (EMBEDDED, the default) or its own system (ISO20775)")
    HoldingsSourceView getHoldingsSource(@PathVariable @Pattern(regexp = AGENCY_ID, message = AGENCY_ID_MESSAGE) String agencyId) {
        return HoldingsSourceView.of(sources.get(agencyId));
    }

    @PutMapping("/api/libraries/{agencyId}/holdings-source")
    @Operation(summary = "Sets the library's holdings source; ISO20775 needs url and timeoutMs (100-30000); the library's staff,"
        + " integrations and administrators")
    HoldingsSourceView putHoldingsSource(@PathVariable @Pattern(regexp = AGENCY_ID, message = AGENCY_ID_MESSAGE) String agencyId,
                                         @Valid @RequestBody HoldingsSourceBody body) {
        return HoldingsSourceView.of(sources.put(new HoldingsSource(agencyId, body.kind(), body.url(), body.timeoutMs())));
    }

    record RecordBody(@NotBlank @Size(max = ID_LENGTH) String workId, @NotBlank @Size(max = TEXT_LENGTH) String title,
                      @Size(max = 300) String author, @Size(max = 100) String edition, Boolean firstEdition,
                      @NotNull Integer materialType, @NotNull LocalDate recordCreated,
                      @Pattern(regexp = "BKM\\d{6}", message = "{validation.bkmWeek}") String bkmWeek,
                      Boolean overbygning, Boolean physical) {}

    record RecordView(String pid, String workId, String title, String author, String edition, boolean firstEdition,
                      int materialType, LocalDate recordCreated, String bkmWeek, boolean overbygning, boolean physical) {
        static RecordView of(BibRecord r) {
            return new RecordView(r.pid(), r.workId(), r.title(), r.author(), r.edition(), r.firstEdition(), r.materialType(),
                r.recordCreated(), r.bkmWeek(), r.overbygning(), r.physical());
        }
    }

    record ItemBody(@NotBlank @Size(max = ID_LENGTH) String itemId, @NotNull ItemStatus status, LocalDate dueDate, Boolean loanableForIll,
                    @Min(0) @Max(100_000) Integer reservationQueue) {}

    record HoldingBody(@NotNull @Size(max = 1000) List<@NotNull @Valid ItemBody> items) {}

    record ItemView(String itemId, ItemStatus status, LocalDate dueDate, boolean loanableForIll, Integer reservationQueue) {

        static ItemView of(HoldingItem i) {
            return new ItemView(i.itemId(), i.status(), i.dueDate(), i.loanableForIll(), i.reservationQueue());
        }
    }

    record HoldingView(String pid, String branchId, List<ItemView> items) {}

    @PutMapping("/api/records/{pid}")
    @Operation(summary = "Create or replace a bibliographic record (recordCreated = danMARC2 001 *d)")
    ResponseEntity<RecordView> putRecord(@PathVariable @Pattern(regexp = PID, message = PID_MESSAGE) String pid,
                                         @Valid @RequestBody RecordBody body) {
        BibRecord record = new BibRecord(pid, body.workId().trim(), body.title().trim(), body.author(), body.edition(),
            Boolean.TRUE.equals(body.firstEdition()), body.materialType(), body.recordCreated(), body.bkmWeek(),
            Boolean.TRUE.equals(body.overbygning()), !Boolean.FALSE.equals(body.physical()));
        boolean created = catalogue.saveRecord(record);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(RecordView.of(record));
    }

    @GetMapping("/api/records/{pid}")
    @Operation(summary = "A bibliographic record")
    RecordView getRecord(@PathVariable String pid) {
        return RecordView.of(catalogue.record(pid));
    }

    @PutMapping("/api/holdings/{pid}/{branchId}")
    @Operation(summary = "Replace a branch's items of a record; an empty list removes the holding")
    HoldingView putHolding(@PathVariable @Pattern(regexp = PID, message = PID_MESSAGE) String pid,
                           @PathVariable @Pattern(regexp = AGENCY_ID, message = AGENCY_ID_MESSAGE) String branchId,
                           @Valid @RequestBody HoldingBody body) {
        List<HoldingItem> items = body.items().stream()
            .map(i -> new HoldingItem(pid, branchId, i.itemId().trim(), i.status(), i.dueDate(), !Boolean.FALSE.equals(i.loanableForIll()),
                i.reservationQueue()))
            .toList();
        List<HoldingItem> saved = catalogue.replaceHoldings(pid, branchId, items);
        return new HoldingView(pid, branchId, saved.stream().map(ItemView::of).toList());
    }

    @GetMapping("/api/holdings/{pid}")
    @Operation(summary = "All branches' items of a record")
    List<HoldingView> getHoldings(@PathVariable String pid) {
        return catalogue.holdings(pid).stream()
            .collect(java.util.stream.Collectors.groupingBy(HoldingItem::branchId, java.util.TreeMap::new, java.util.stream.Collectors.toList()))
            .entrySet().stream()
            .map(e -> new HoldingView(pid, e.getKey(), e.getValue().stream()
                .map(ItemView::of).toList()))
            .toList();
    }
}
