package dk.fjernlaan.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A temporary closing of some branches of an agency. It ends by itself after {@code to}; reopening early
 * sets {@code reopenedAt}.
 */
public record Closure(long closureId, String agencyId, ClosureScope scope, LocalDate from, LocalDate to,
                      String reason, List<String> branchIds, Instant reopenedAt) {

    public boolean activeOn(LocalDate day) {
        return reopenedAt == null && !day.isBefore(from) && !day.isAfter(to);
    }
}
