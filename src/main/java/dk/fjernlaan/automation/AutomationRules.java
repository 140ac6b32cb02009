package dk.fjernlaan.automation;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Optional;
import java.util.Set;

import dk.fjernlaan.automation.Decision.Route;
import dk.fjernlaan.automation.DecisionInput.Holder;
import dk.fjernlaan.catalogue.HoldingItem;
import dk.fjernlaan.catalogue.HoldingsPort;
import dk.fjernlaan.catalogue.ItemStatus;
import dk.fjernlaan.platform.texts.Text;

/**
 * The rules of automated ILL (domain brief §4), as a pure function of the gathered facts.
 *
 * <ol>
 *   <li>Only automatable orders: from Bibliotek.dk or Netpunkt without a lender chosen by staff (a library's own
 *       catalogue only for overbygning material); the borrower must take part for the material type.</li>
 *   <li>Age = days since the record was created (001 *d); the most restrictive threshold wins: the borrower's
 *       first (new_for_requester), then each lender's (new_for_responder). Overbygning material goes to the
 *       central libraries whatever its age.</li>
 *   <li>Own material: without "own material = YES" the patron is queued at home; with it, only material older
 *       than the profile's age and no own copy for the patron within the profile's limit, and only from lenders
 *       that have it on the shelf. Where the library reports its reservation queue, the patron's turn counts: the
 *       copies' due dates plus a loan period for every patron ahead.</li>
 *   <li>Candidates: holders that take part as lenders, are allowed by the borrower, are open for ILL and can
 *       say when they can dispatch it: today from the shelf, the due date when on loan and holds are allowed.</li>
 *   <li>Choice: earliest availability, then the place in the borrower's lending route; nothing by the
 *       need-before date means no automation, with the reason that tells staff what would have to change.</li>
 * </ol>
 */
public final class AutomationRules {

    private static final Set<String> AUTOMATABLE_ORIGINS = Set.of("bibliotekdk", "netpunkt", "iso18626");
    private static final EnumSet<ItemStatus> OWN_COPY = EnumSet.of(ItemStatus.OnShelf, ItemStatus.OnLoan, ItemStatus.OnOrder);

    private AutomationRules() {}

    public static Decision decide(DecisionInput in) {
        List<Text> why = new ArrayList<>();
        long age = DAYS.between(in.recordCreated(), in.today());
        why.add(Text.of("explain.record", in.recordCreated(), age));
        boolean ove = in.overbygning();
        if (ove) {
            why.add(Text.of("explain.overbygning"));
        }

        if (in.staffChosenLender() != null) {
            why.add(Text.of("explain.staffChosen", in.staffChosenLender()));
            return new Decision(Route.STAFF_CHOSEN, Reason.NOT_POSSIBLE, false, in.staffChosenLender(), null, null, List.of(),
                why, List.of(), in.decisionVersion());
        }
        if (!AUTOMATABLE_ORIGINS.contains(in.orderSystem()) && !(ove && "localcatalog".equals(in.orderSystem()))) {
            why.add(Text.of("explain.origin", in.orderSystem()));
            return manual(in, Reason.NOT_POSSIBLE, false, List.of(), why);
        }
        BorrowerSettings borrower = in.borrower();
        if (borrower.willSend() == Participation.NO) {
            why.add(Text.of("explain.borrowerDoesNotSend", in.borrowerAgencyId(), in.materialType()));
            return manual(in, Reason.NOT_POSSIBLE, false, List.of(), why);
        }

        List<HoldingItem> ownCopies = in.holders().stream()
            .filter(h -> h.agencyId().equals(in.borrowerAgencyId()))
            .flatMap(h -> h.items().stream())
            .filter(i -> OWN_COPY.contains(i.status()))
            .toList();
        boolean own = !ownCopies.isEmpty();

        int borrowerMin = borrower.minAgeDays() == null ? 0 : borrower.minAgeDays();
        if (ove) {
            why.add(Text.of("explain.borrowerThresholdWaived", in.borrowerAgencyId(), borrowerMin));
        } else if (age < borrowerMin) {
            why.add(Text.of("explain.newForRequester", in.borrowerAgencyId(), borrowerMin));
            return own ? local(in, Reason.NEW_FOR_REQUESTER, List.of(), why, List.of())
                : manual(in, Reason.NEW_FOR_REQUESTER, false, List.of(), why);
        } else {
            why.add(Text.of("explain.borrowerThreshold", in.borrowerAgencyId(), borrowerMin));
        }

        boolean onShelfOnly = false;
        if (own) {
            Optional<Decision> staysLocal = ownMaterial(in, age, ownCopies, why);
            if (staysLocal.isPresent()) {
                return staysLocal.get();
            }
            onShelfOnly = true;
        }

        List<Candidate> candidates = new ArrayList<>();
        for (Holder holder : in.holders().stream().sorted(Comparator.comparing(Holder::branchId)).toList()) {
            if (!holder.agencyId().equals(in.borrowerAgencyId())) {
                Candidate candidate = candidate(in, holder, age, onShelfOnly);
                candidates.add(candidate);
                if (Reason.HOLDER_TIMEOUT.equals(candidate.excludedBecause())) {
                    long ms = holder.waited() == null ? 0 : holder.waited().toMillis();
                    why.add(Text.of("explain.holderTimeout", holder.branchId(),
                        ms % 1000 == 0 ? Text.of("duration.seconds", ms / 1000) : Text.of("duration.millis", ms)));
                } else if (Reason.HOLDER_ERROR.equals(candidate.excludedBecause())) {
                    why.add(Text.of("explain.holderError", holder.branchId()));
                }
            }
        }
        Optional<Candidate> chosen = candidates.stream()
            .filter(c -> c.excludedBecause() == null)
            .min(Comparator.comparing(Candidate::availabilityDate)
                .thenComparing(c -> c.routePosition() == null ? Integer.MAX_VALUE : c.routePosition())
                .thenComparing(Candidate::agencyId)
                .thenComparing(Candidate::branchId));

        if (chosen.isEmpty()) {
            String reason = Reason.PRIORITY.stream()
                .filter(r -> candidates.stream().anyMatch(c -> r.equals(c.excludedBecause())))
                .findFirst().orElse(Reason.NO_PROVIDER);
            why.add(Text.of("explain.noLender." + reason, in.needBeforeDate()));
            return own ? local(in, reason, candidates, why, List.of()) : manual(in, reason, false, candidates, why);
        }

        Candidate lender = chosen.get();
        LenderSettings lenderSettings = in.holders().stream().filter(h -> h.branchId().equals(lender.branchId()))
            .findFirst().map(Holder::lender).orElseThrow();
        why.add(Text.of("explain.chosen", lender.branchId(), lender.agencyId(), lender.availabilityDate(),
            lender.routePosition() == null ? "-" : lender.routePosition(),
            ove ? "-" : (lenderSettings.minAgeDays() == null ? 0 : lenderSettings.minAgeDays()),
            candidates.stream().filter(c -> c.excludedBecause() == null).count()));
        if (lender.pid() != null && !lender.pid().equals(in.orderedPid())) {
            why.add(Text.of("explain.otherEdition", lender.pid(), in.orderedPid()));
        }

        boolean test = own ? borrower.ownMaterial() == Participation.TEST : borrower.willSend() == Participation.TEST;
        if (test) {
            List<Text> note = List.of(Text.of("note.test", lender.agencyId(), lender.branchId()));
            return own ? local(in, Reason.TEST_AUT_OWN, candidates, why, note)
                : new Decision(Route.MANUAL, Reason.TEST, false, null, null, null, candidates, why, note, in.decisionVersion());
        }
        return new Decision(Route.AUTOMATED, Reason.DELIVERY_BEFORE_DEADLINE, own, lender.branchId(), lender.agencyId(),
            lender.availabilityDate(), candidates, why, List.of(), in.decisionVersion());
    }

    /** Own material: empty when automation may be tried (from lenders with it on the shelf), else where it stays. */
    private static Optional<Decision> ownMaterial(DecisionInput in, long age, List<HoldingItem> ownCopies, List<Text> why) {
        BorrowerSettings borrower = in.borrower();
        OwnProfile profile = in.ownProfile();
        if (borrower.ownMaterial() == Participation.NO) {
            why.add(Text.of("explain.ownNotAllowed", in.borrowerAgencyId()));
            return Optional.of(local(in, Reason.NOT_POSSIBLE, List.of(), why, List.of()));
        }
        if (age < profile.minAgeDays()) {
            why.add(Text.of("explain.ownTooNew", profile.profile(), profile.minAgeDays()));
            return Optional.of(local(in, Reason.NEW_FOR_AUT_OWN, List.of(), why, List.of()));
        }
        if (ownCopies.stream().anyMatch(i -> i.status() == ItemStatus.OnShelf)) {
            why.add(Text.of("explain.ownOnShelf"));
            return Optional.of(local(in, Reason.NOT_POSSIBLE, List.of(), why, List.of()));
        }
        if (ownCopies.stream().anyMatch(i -> i.status() == ItemStatus.OnOrder)) {
            why.add(Text.of("explain.ownOnOrder"));
            return Optional.of(local(in, Reason.NOT_POSSIBLE, List.of(), why, List.of()));
        }
        LocalDate limit = in.today().plusDays(profile.notExpectedBackWithinDays());
        List<LocalDate> dueBack = ownCopies.stream().map(HoldingItem::dueDate).filter(Objects::nonNull).sorted().toList();
        if (!dueBack.isEmpty()) {
            int ahead = ownCopies.stream().map(HoldingItem::reservationQueue).filter(Objects::nonNull).max(Integer::compare).orElse(0);
            LocalDate patronGets = patronsTurn(dueBack, ahead, in.ownLoanPeriodDays());
            if (ahead == 0 && !patronGets.isAfter(limit)) {
                why.add(Text.of("explain.ownDueBack", patronGets, profile.profile(), profile.notExpectedBackWithinDays()));
                return Optional.of(local(in, Reason.NOT_POSSIBLE, List.of(), why, List.of()));
            }
            if (ahead > 0) {
                boolean within = !patronGets.isAfter(limit);
                why.add(Text.of(within ? "explain.ownQueueWithin" : "explain.ownQueueBeyond", dueBack.get(0), ahead, patronGets,
                    in.ownLoanPeriodDays(), profile.profile(), profile.notExpectedBackWithinDays()));
                if (within) {
                    return Optional.of(local(in, Reason.NOT_POSSIBLE, List.of(), why, List.of()));
                }
            }
        }
        why.add(Text.of("explain.ownTried", profile.profile(), profile.minAgeDays(), profile.notExpectedBackWithinDays()));
        return Optional.empty();
    }

    /**
     * When the patron would get an own copy: the copies come back on their due dates and go to the patrons ahead in
     * turn, each keeping a copy for a loan period; the patron gets the copy that is free after {@code ahead} loans.
     */
    static LocalDate patronsTurn(List<LocalDate> dueBack, int ahead, int loanPeriodDays) {
        PriorityQueue<LocalDate> free = new PriorityQueue<>(dueBack);
        for (int i = 0; i < ahead; i++) {
            free.add(free.poll().plusDays(loanPeriodDays));
        }
        return free.peek();
    }

    private static Candidate candidate(DecisionInput in, Holder h, long age, boolean onShelfOnly) {
        Integer position = in.routePositions().get(h.agencyId());
        if (in.overbygning() && !h.centralLibrary()) {
            return Candidate.excluded(h.branchId(), h.agencyId(), null, position, Reason.OVERBYGNING_CENTRAL_ONLY);
        }
        if (!h.branchReceivesIll() || !h.lender().willReceive()) {
            return Candidate.excluded(h.branchId(), h.agencyId(), null, position, Reason.NOT_PARTICIPATING);
        }
        if (!in.borrower().allows(h.agencyId())) {
            return Candidate.excluded(h.branchId(), h.agencyId(), null, position, Reason.NOT_ALLOWED_BY_BORROWER);
        }
        if (h.closedForIll()) {
            return Candidate.excluded(h.branchId(), h.agencyId(), null, position, Reason.CLOSED_FOR_ILL);
        }
        Integer lenderMin = h.lender().minAgeDays();
        if (!in.overbygning() && lenderMin != null && age < lenderMin) {
            return Candidate.excluded(h.branchId(), h.agencyId(), null, position, Reason.NEW_FOR_RESPONDER);
        }
        if (h.answer() == HoldingsPort.Outcome.TIMED_OUT) {
            return Candidate.excluded(h.branchId(), h.agencyId(), null, position, Reason.HOLDER_TIMEOUT);
        }
        if (h.answer() != HoldingsPort.Outcome.ANSWERED) {
            return Candidate.excluded(h.branchId(), h.agencyId(), null, position, Reason.HOLDER_ERROR);
        }
        boolean holdAllowed = in.borrower().reserve() && !onShelfOnly;
        LocalDate available = null;
        String edition = null;
        boolean loanable = false;
        boolean onLoan = false;
        for (HoldingItem item : h.items()) {
            if (!item.loanableForIll() || item.status() == ItemStatus.NotForLoan) {
                continue;
            }
            loanable = true;
            LocalDate date = switch (item.status()) {
                case OnShelf -> in.today();
                case OnLoan -> {
                    onLoan = true;
                    yield holdAllowed && item.dueDate() != null ? max(item.dueDate(), in.today()) : null;
                }
                default -> null; // on order, lost, discarded: no usable date
            };
            // the earliest item; on the same day, the edition the patron ordered
            if (date != null && (available == null || date.isBefore(available)
                    || date.equals(available) && item.pid().equals(in.orderedPid()) && !item.pid().equals(edition))) {
                available = date;
                edition = item.pid();
            }
        }
        if (!loanable) {
            return Candidate.excluded(h.branchId(), h.agencyId(), null, position, Reason.NOT_FOR_LOAN);
        }
        if (available == null) {
            return Candidate.excluded(h.branchId(), h.agencyId(), null, position, onLoan ? Reason.NOT_ON_SHELF : Reason.NO_DELIVERY_DATE);
        }
        if (available.isAfter(in.needBeforeDate())) {
            return Candidate.excluded(h.branchId(), h.agencyId(), available, position, Reason.USER_DATE_EXCEEDED);
        }
        return new Candidate(h.branchId(), h.agencyId(), available, position, null, edition);
    }

    private static Decision manual(DecisionInput in, String reason, boolean own, List<Candidate> candidates, List<Text> why) {
        return new Decision(Route.MANUAL, reason, own, null, null, null, candidates, why, List.of(), in.decisionVersion());
    }

    private static Decision local(DecisionInput in, String reason, List<Candidate> candidates, List<Text> why, List<Text> note) {
        why.add(Text.of("explain.local", in.borrowerAgencyId()));
        return new Decision(Route.LOCAL, reason, true, null, null, null, candidates, why, note, in.decisionVersion());
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
