package dk.fjernlaan.iso18626;

import static dk.fjernlaan.iso18626.PeerSimulator.header;
import static dk.fjernlaan.iso18626.PeerSimulator.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dk.fjernlaan.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The endpoint {@code POST /iso18626} against a corpus of bad messages (malformed, wrong namespace, missing
 * elements, XXE, huge, wrong types, unknown codes): never a 5xx, always the matching confirmation, nothing changed;
 * and the peers' API.
 */
class Iso18626EndpointTest extends IntegrationTest {

    static final String SYMBOL = "ISIL:DK-716700";
    static final String ACCOUNT = "corpus";
    static final String CODE = "corpus-code";

    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void peer() throws Exception {
        asAdmin(putJson("/api/peers/" + SYMBOL, Map.of("name", "Corpus", "address", "http://127.0.0.1:9/iso18626", "accountId", ACCOUNT,
            "securityCode", CODE, "version", "2021"))).andExpect(status().isOk());
    }

    @AfterEach
    void noPeer() throws Exception {
        asAdmin(deleteJson("/api/peers/" + SYMBOL));
    }

    private HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/iso18626")).header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String xml) throws Exception {
        return post("application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String supplying(String status, String reason, String extra) {
        return message("1.2", "<supplyingAgencyMessage>" + header(SYMBOL, "ISIL:DK-716100", "12345", ACCOUNT, CODE)
            + "<messageInfo><reasonForMessage>" + reason + "</reasonForMessage></messageInfo><statusInfo><status>" + status + "</status>"
            + extra + "<lastChange>2026-12-01T10:00:00Z</lastChange></statusInfo></supplyingAgencyMessage>");
    }

    private long changes() {
        return jdbc.sql("SELECT COUNT(*) FROM ill_order").query(Long.class).single()
            + jdbc.sql("SELECT COUNT(*) FROM iso18626_message WHERE status = 'OK'").query(Long.class).single()
            + jdbc.sql("SELECT COUNT(*) FROM order_event").query(Long.class).single();
    }

    @Test
    void aCorpusOfBadMessagesIsAnsweredWithoutA5xxAndChangesNothing(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        Map<String, String> corpus = new LinkedHashMap<>();
        corpus.put("malformed", "<ISO18626Message xmlns=\"" + PeerSimulator.NS + "\" version=\"1.2\"><request><header>");
        corpus.put("empty", "");
        corpus.put("not ISO", "<order><id>1</id></order>");
        corpus.put("wrong namespace", "<ISO18626Message xmlns=\"http://example.org/other\" version=\"1.2\"><request/></ISO18626Message>");
        corpus.put("XXE", "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
            + "<ISO18626Message xmlns=\"" + PeerSimulator.NS + "\" version=\"1.2\"><requestingAgencyMessage>"
            + header(SYMBOL, "ISIL:DK-716100", "&x;", ACCOUNT, CODE) + "<action>Cancel</action></requestingAgencyMessage></ISO18626Message>");
        corpus.put("billion laughs", "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
            + "<ISO18626Message xmlns=\"" + PeerSimulator.NS + "\" version=\"1.2\"><request>&b;</request></ISO18626Message>");
        corpus.put("two messages", message("1.2", "<request/><request/>"));
        corpus.put("unknown message", message("1.2", "<statusRequest/>"));
        corpus.put("no header", message("1.2", "<supplyingAgencyMessage><messageInfo><reasonForMessage>StatusChange</reasonForMessage>"
            + "</messageInfo><statusInfo><status>Loaned</status></statusInfo></supplyingAgencyMessage>"));
        corpus.put("no status", supplying("", "StatusChange", ""));
        corpus.put("unknown status", supplying("Teleported", "StatusChange", ""));
        corpus.put("unknown reason for message", supplying("Loaned", "BecauseWeCan", ""));
        corpus.put("date that is not a date", supplying("Loaned", "StatusChange", "<dueDate>next tuesday</dueDate>"));
        corpus.put("date out of range", supplying("Loaned", "StatusChange", "<dueDate>+99999-12-31T00:00:00Z</dueDate>"));
        corpus.put("element where a value belongs", supplying("<b>Loaned</b>", "StatusChange", ""));
        corpus.put("huge id", message("1.2", "<requestingAgencyMessage>" + header(SYMBOL, "ISIL:DK-716100", "9".repeat(5000), ACCOUNT, CODE)
            + "<action>Cancel</action></requestingAgencyMessage>"));
        corpus.put("unknown action", message("1.2", "<requestingAgencyMessage>" + header(SYMBOL, "ISIL:DK-716100", "1", ACCOUNT, CODE)
            + "<action>Teleport</action></requestingAgencyMessage>"));
        corpus.put("unsupported version", message("0.9", "<requestingAgencyMessage>" + header(SYMBOL, "ISIL:DK-716100", "1", ACCOUNT, CODE)
            + "<action>Cancel</action></requestingAgencyMessage>"));
        corpus.put("unknown peer", message("1.2", "<requestingAgencyMessage>" + header(SYMBOL, "ISIL:DK-NOBODY", "1", ACCOUNT, CODE)
            + "<action>Cancel</action></requestingAgencyMessage>"));
        corpus.put("no credentials", message("1.2", "<supplyingAgencyMessage>" + header(SYMBOL, "ISIL:DK-716100", "1", null, null)
            + "<messageInfo><reasonForMessage>StatusChange</reasonForMessage></messageInfo><statusInfo><status>Loaned</status>"
            + "<lastChange>2026-12-01T10:00:00Z</lastChange></statusInfo></supplyingAgencyMessage>"));
        corpus.put("unknown request", supplying("WillSupply", "RequestResponse", ""));
        corpus.put("unknown open code", supplying("Unfilled", "RequestResponse", "").replace("</reasonForMessage>",
            "</reasonForMessage><reasonUnfilled>LostInTheMail</reasonUnfilled>"));
        corpus.put("a confirmation", "<?xml version=\"1.0\"?><i:ISO18626Message xmlns:i=\"" + PeerSimulator.NS + "\" i:version=\"2021-2\">"
            + "<i:requestConfirmation><i:confirmationHeader><i:timestamp>2026-12-01T10:00:00Z</i:timestamp><i:timestampReceived>"
            + "2026-12-01T10:00:00Z</i:timestampReceived><i:messageStatus>OK</i:messageStatus></i:confirmationHeader></i:requestConfirmation>"
            + "</i:ISO18626Message>");
        corpus.put("not UTF-8", new String(new byte[] {(byte) 0xC3, (byte) 0x28, '<'}, StandardCharsets.ISO_8859_1));

        long before = changes();
        for (Map.Entry<String, String> bad : corpus.entrySet()) {
            HttpResponse<String> answer = post(bad.getValue());
            assertThat(answer.statusCode()).as(bad.getKey()).isIn(200, 400);
            assertThat(answer.body()).as(bad.getKey()).contains(">ERROR<").doesNotContain("TOP-SECRET", "Exception");
            if (answer.statusCode() == 400) {
                assertThat(answer.body()).as(bad.getKey()).contains("BadlyFormedMessage");
            }
        }
        assertThat(changes()).isEqualTo(before);

        assertThat(post("malformed").body()).contains("BadlyFormedMessage");
        assertThat(post(corpus.get("unknown reason for message")).body()).contains("UnsupportedReasonForMessageType");
        assertThat(post(corpus.get("unknown action")).body()).contains("UnsupportedActionType", "requestingAgencyMessageConfirmation");
        assertThat(post(corpus.get("unknown status")).body()).contains("UnrecognisedDataValue", "supplyingAgencyMessageConfirmation");
        assertThat(post(corpus.get("unknown open code")).body()).as("an unknown reason is read; the request is what is unknown")
            .contains("requestingAgencyRequestId 12345");
    }

    @Test
    void notXmlIs415AndMoreThanOneMebibyteIs413() throws Exception {
        assertThat(post("application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(415);
        HttpResponse<String> plain = post("text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(plain.body()).as("the answer names what this endpoint reads").contains("application/xml").doesNotContain("application/json");
        byte[] huge = message("1.2", "<request>" + "x".repeat(1024 * 1024 + 10) + "</request>").getBytes(StandardCharsets.UTF_8);
        assertThat(post("application/xml", huge).statusCode()).isEqualTo(413);
    }

    @Test
    void peersAreForAdministratorsAndIntegrationsAndTheirInputIsChecked() throws Exception {
        asStaff("716100", getJson("/api/peers")).andExpect(status().isForbidden());
        asStaff("716100", putJson("/api/peers/ISIL:DK-716100", Map.of("name", "x", "address", "http://h/x", "accountId", "a",
            "securityCode", "c", "version", "1.2"))).andExpect(status().isForbidden());
        asAdmin(putJson("/api/peers/nocolon", Map.of("name", "", "address", "ftp://h/x", "accountId", "a", "securityCode", "c",
            "version", "3"))).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("symbol", "name", "address", "version")));
        asAdmin(putJson("/api/peers/ISIL:DK-X1", Map.of("name", "x", "address", "http://h/x", "accountId", "a", "securityCode", "c",
            "version", "1.2", "agencyId", "555555"))).andExpect(status().isUnprocessableEntity());
        asAdmin(getJson("/api/peers/ISIL:DK-X1")).andExpect(status().isNotFound());
        asAdmin(getJson("/api/peers/" + SYMBOL)).andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value("2021"))
            .andExpect(jsonPath("$.pendingMessages").value(0))
            .andExpect(jsonPath("$.securityCode").doesNotExist());
        asAdmin(getJson("/api/peers")).andExpect(status().isOk()).andExpect(jsonPath("$[?(@.symbol == '" + SYMBOL + "')]").exists());
        asAdmin(deleteJson("/api/peers/ISIL:DK-NOBODY")).andExpect(status().isNotFound());
    }
}
