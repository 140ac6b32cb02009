package dk.fjernlaan.patron;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
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

    record PatronBody(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email,
                      @NotNull @DecimalMin(value = "0", message = "must not be negative") BigDecimal debtKr) {}

    record PatronView(String agencyId, String patronId, BigDecimal debtKr, boolean blocked) {}

    @PutMapping("/api/patrons/{agencyId}/{patronId}")
    @Operation(summary = "Create or replace a patron (a debt of 200 kr. or more blocks ordering)")
    ResponseEntity<PatronView> put(@PathVariable String agencyId,
                                   @PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,100}", message = "letters, digits, '.', '_' and '-' only") String patronId,
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
