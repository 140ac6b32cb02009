package dk.fjernlaan.patron;

import java.math.BigDecimal;

/**
 * A patron of a library: only what ILL needs (a name and an e-mail for notices, the debt for the block rule).
 * Personal data: never logged.
 */
public record Patron(String agencyId, String patronId, String name, String email, BigDecimal debtKr) {

    /** A patron owing 200 kr. or more may not order. */
    public static final BigDecimal DEBT_LIMIT_KR = new BigDecimal("200");

    public boolean blocked() {
        return debtKr.compareTo(DEBT_LIMIT_KR) >= 0;
    }

    @Override
    public String toString() {
        return "Patron[agencyId=" + agencyId + "]";
    }
}
