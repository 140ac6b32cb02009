package dk.fjernlaan.order;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.platform.refusal.FieldProblem;
import org.springframework.stereotype.Component;

/** Whether a branch chosen by staff can be sent an ILL request from a borrower (at placing, and from the manual queue). */
@Component
public class LenderEligibility {

    private final DirectoryService directory;

    LenderEligibility(DirectoryService directory) {
        this.directory = directory;
    }

    /** Why the branch cannot be sent an ILL request from this borrower (empty when it can). */
    public List<FieldProblem> problems(String field, String branchId, String borrowerAgencyId, LocalDate today) {
        Optional<Branch> lender = directory.findBranch(branchId);
        if (lender.isEmpty()) {
            return List.of(FieldProblem.of(field, "problem.branch.unknown", branchId));
        }
        if (lender.get().agencyId().equals(borrowerAgencyId)) {
            return List.of(FieldProblem.of(field, "problem.lender.ownLibrary", branchId));
        }
        if (!lender.get().willReceiveIll()) {
            return List.of(FieldProblem.of(field, "problem.lender.noIll", branchId));
        }
        return directory.closingForIll(branchId, today)
            .map(c -> List.of(FieldProblem.of(field, "problem.lender.closed", branchId, c.to(), c.reason())))
            .orElse(List.of());
    }
}
