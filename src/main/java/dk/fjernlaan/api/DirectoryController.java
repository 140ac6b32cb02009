package dk.fjernlaan.api;

import static dk.fjernlaan.platform.input.InputRules.AGENCY_ID;
import static dk.fjernlaan.platform.input.InputRules.AGENCY_ID_MESSAGE;
import static dk.fjernlaan.platform.input.InputRules.NAME_LENGTH;
import static dk.fjernlaan.platform.input.InputRules.TEXT_LENGTH;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dk.fjernlaan.directory.Agency;
import dk.fjernlaan.directory.AgencyType;
import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.directory.Closure;
import dk.fjernlaan.directory.ClosureScope;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.directory.LendingRoute;
import dk.fjernlaan.platform.time.FjernlaanClock;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The directory (VIP) over HTTP: libraries, lending routes, temporary closings, courier route numbers. */
@RestController
@Tag(name = "Directory (VIP)", description = "Libraries, branches, lending routes and temporary closings")
class DirectoryController {

    private final DirectoryService directory;
    private final FjernlaanClock clock;

    DirectoryController(DirectoryService directory, FjernlaanClock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    record BranchView(String branchId, String name, String isil, String junction, String dropOffBranch, String routeNumber,
                      boolean nationalDeliveryService, boolean willReceiveIll, boolean pickupAllowed,
                      boolean closedForIll, boolean closedForEndUsers) {}

    record AgencyView(String agencyId, String name, AgencyType type, boolean centralLibrary, String centralLibraryAreaOf,
                      String municipalityCode, List<BranchView> branches) {}

    record AgencySummary(String agencyId, String name, AgencyType type, boolean centralLibrary, String centralLibraryAreaOf) {}

    record LendingRouteBody(@NotNull @NotEmpty @Size(max = 2000) List<@NotBlank @Pattern(regexp = AGENCY_ID, message = AGENCY_ID_MESSAGE) String> agencyIds,
                            Integer reorderableCount, Boolean customized) {}

    record ClosureRequest(@NotNull ClosureScope scope, @NotNull LocalDate from, @NotNull LocalDate to,
                          @NotBlank @Size(max = TEXT_LENGTH) String reason,
                          @Size(max = 200) List<@NotBlank @Pattern(regexp = AGENCY_ID, message = AGENCY_ID_MESSAGE) String> branchIds) {}

    record ClosureCreated(long closureId) {}

    record ClosureView(long closureId, String agencyId, ClosureScope scope, LocalDate from, LocalDate to, String reason,
                       List<String> branchIds, boolean active, java.time.Instant reopenedAt) {}

    record RouteNumberBody(@Size(max = 20) @Pattern(regexp = "[0-9A-Za-z-]*", message = "{validation.routeNumber}") String routeNumber) {}

    @GetMapping("/api/libraries")
    @Operation(summary = "List libraries (agencies), optionally by type or part of the name")
    List<AgencySummary> list(@RequestParam(required = false) AgencyType type, @RequestParam(required = false) @Size(max = NAME_LENGTH) String q,
                             @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                             @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return directory.agencies(type == null ? null : type.name(), q, page, size).stream()
            .map(a -> new AgencySummary(a.agencyId(), a.name(), a.type(), a.centralLibrary(), a.centralLibraryAreaOf()))
            .toList();
    }

    @GetMapping("/api/libraries/{agencyId}")
    @Operation(summary = "A library with its branches and their courier data")
    AgencyView get(@PathVariable String agencyId) {
        Agency agency = directory.agency(agencyId);
        List<Branch> branches = directory.branches(agencyId);
        LocalDate today = clock.today();
        List<Closure> active = directory.activeClosures(branches.stream().map(Branch::branchId).collect(Collectors.toSet()), today);
        List<BranchView> views = branches.stream().map(b -> {
            Set<ClosureScope> scopes = active.stream().filter(c -> c.branchIds().contains(b.branchId()))
                .map(Closure::scope).collect(Collectors.toSet());
            return new BranchView(b.branchId(), b.name(), b.isil(), b.junction(), b.dropOffBranch(), b.routeNumber(),
                b.nationalDeliveryService(), b.willReceiveIll(), b.pickupAllowed(),
                scopes.stream().anyMatch(ClosureScope::closesIll), scopes.stream().anyMatch(ClosureScope::closesEndUsers));
        }).toList();
        return new AgencyView(agency.agencyId(), agency.name(), agency.type(), agency.centralLibrary(),
            agency.centralLibraryAreaOf(), agency.municipalityCode(), views);
    }

    @GetMapping("/api/libraries/{agencyId}/lending-route")
    @Operation(summary = "The library's lending route: agency ids in priority order")
    LendingRouteBody route(@PathVariable String agencyId) {
        LendingRoute route = directory.route(agencyId);
        return new LendingRouteBody(route.agencyIds(), route.reorderableCount(), route.customized());
    }

    @PutMapping("/api/libraries/{agencyId}/lending-route")
    @Operation(summary = "Reorder the lending route (only within the library's own block: 422 otherwise)")
    LendingRouteBody reorder(@PathVariable String agencyId, @Valid @RequestBody LendingRouteBody body) {
        LendingRoute route = directory.reorderRoute(agencyId, body.agencyIds());
        return new LendingRouteBody(route.agencyIds(), route.reorderableCount(), route.customized());
    }

    @PostMapping("/api/libraries/{agencyId}/closures")
    @Operation(summary = "Close branches temporarily for orders from end users, from other libraries (ILL), or both")
    ResponseEntity<ClosureCreated> close(@PathVariable String agencyId, @Valid @RequestBody ClosureRequest body) {
        Closure closure = directory.close(agencyId, body.scope(), body.from(), body.to(), body.reason(), body.branchIds());
        return ResponseEntity.created(URI.create("/api/closures/" + closure.closureId())).body(new ClosureCreated(closure.closureId()));
    }

    @GetMapping("/api/libraries/{agencyId}/closures")
    @Operation(summary = "The library's closings, past and present")
    List<ClosureView> closures(@PathVariable String agencyId) {
        return directory.closures(agencyId).stream().map(this::view).toList();
    }

    @GetMapping("/api/closures/{closureId}")
    @Operation(summary = "One closing")
    ClosureView closure(@PathVariable long closureId) {
        return view(directory.closure(closureId));
    }

    @DeleteMapping("/api/closures/{closureId}")
    @Operation(summary = "Reopen early")
    ResponseEntity<Void> reopen(@PathVariable long closureId) {
        directory.reopen(closureId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/libraries/{agencyId}/branches/{branchId}/route-number")
    @Operation(summary = "Set a branch's courier route number (SLKS administrators only)")
    BranchView setRouteNumber(@PathVariable String agencyId, @PathVariable String branchId, @Valid @RequestBody RouteNumberBody body) {
        Branch b = directory.setRouteNumber(agencyId, branchId, body.routeNumber());
        LocalDate today = clock.today();
        return new BranchView(b.branchId(), b.name(), b.isil(), b.junction(), b.dropOffBranch(), b.routeNumber(),
            b.nationalDeliveryService(), b.willReceiveIll(), b.pickupAllowed(),
            directory.isClosedForIll(branchId, today), directory.isClosedForEndUsers(branchId, today));
    }

    private ClosureView view(Closure c) {
        return new ClosureView(c.closureId(), c.agencyId(), c.scope(), c.from(), c.to(), c.reason(), c.branchIds(),
            c.activeOn(clock.today()), c.reopenedAt());
    }
}
