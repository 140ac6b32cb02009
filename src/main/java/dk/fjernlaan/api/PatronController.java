package dk.fjernlaan.api;

import static dk.fjernlaan.platform.input.InputRules.AGENCY_ID;
import static dk.fjernlaan.platform.input.InputRules.AGENCY_ID_MESSAGE;
import static dk.fjernlaan.platform.input.InputRules.EMAIL_LENGTH;
import static dk.fjernlaan.platform.input.InputRules.MAX_DEBT_KR;
import static dk.fjernlaan.platform.input.InputRules.NAME_LENGTH;
import static dk.fjernlaan.platform.input.InputRules.PATRON_ID;
import static dk.fjernlaan.platform.input.InputRules.PATRON_ID_MESSAGE;

import java.math.BigDecimal;

import dk.fjernlaan.patron.Patron;
import dk.fjernlaan.patron.PatronService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Patrons over HTTP. Answers never repeat the name or e-mail. */
@RestController
@Tag(name = "Patrons", description = "The patron data ILL needs (embedded store, fed by the libraries' systems)")
class PatronController {

    private final PatronService patrons;

    PatronController(PatronService patrons) {
        this.patrons = patrons;
    }

    record PatronBody(@NotBlank @Size(max = NAME_LENGTH) String name, @NotBlank @Email @Size(max = EMAIL_LENGTH) String email,
                      @NotNull @DecimalMin(value = "0", message = "{validation.notNegative}")
                      @DecimalMax(value = MAX_DEBT_KR, message = "{validation.maxDebt}")
                      @Digits(integer = 10, fraction = 2, message = "{validation.kroner}") BigDecimal debtKr) {}

    record PatronView(String agencyId, String patronId, BigDecimal debtKr, boolean blocked) {}

    @PutMapping("/api/patrons/{agencyId}/{patronId}")
    @Operation(summary = "Create or replace a patron (a debt of 200 kr. or more blocks ordering)")
    ResponseEntity<PatronView> put(@PathVariable @Pattern(regexp = AGENCY_ID, message = AGENCY_ID_MESSAGE) String agencyId,
                                   @PathVariable @Pattern(regexp = PATRON_ID, message = PATRON_ID_MESSAGE) String patronId,
                                   @Valid @RequestBody PatronBody body) {
        Patron patron = new Patron(agencyId, patronId, body.name().trim(), body.email().trim(), body.debtKr());
        boolean created = patrons.save(patron);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
            .body(new PatronView(agencyId, patronId, patron.debtKr(), patron.blocked()));
    }

    @DeleteMapping("/api/patrons/{agencyId}/{patronId}")
    @Operation(summary = "Delete a patron's data (refused while the patron has open orders)")
    ResponseEntity<Void> delete(@PathVariable String agencyId, @PathVariable String patronId) {
        patrons.delete(agencyId, patronId);
        return ResponseEntity.noContent().build();
    }
}
