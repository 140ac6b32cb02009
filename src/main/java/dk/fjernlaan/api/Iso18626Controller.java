package dk.fjernlaan.api;

import dk.fjernlaan.iso18626.Iso18626Inbound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ISO 18626 endpoint: one {@code ISO18626Message} per POST, answered at once with its confirmation. The sender
 * is authenticated by the credentials in the message's header, not by HTTP.
 */
@RestController
@Tag(name = "ISO 18626")
class Iso18626Controller {

    private final Iso18626Inbound inbound;

    Iso18626Controller(Iso18626Inbound inbound) {
        this.inbound = inbound;
    }

    @PostMapping(path = "/iso18626", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, "application/*+xml"},
        produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "One ISO 18626 message (request, supplyingAgencyMessage, requestingAgencyMessage; versions 1.2 and 2021)",
        description = "200 with the confirmation (messageStatus OK, or ERROR with errorData when it cannot be taken; nothing changes then); "
            + "400 with a BadlyFormedMessage confirmation when the XML cannot be read; 415 when it is not XML; 413 over 1 MiB")
    ResponseEntity<String> receive(@RequestBody(required = false) byte[] body) {
        Iso18626Inbound.Answer answer = inbound.receive(body == null ? new byte[0] : body);
        return ResponseEntity.status(answer.httpStatus()).contentType(MediaType.APPLICATION_XML).body(answer.xml());
    }
}
