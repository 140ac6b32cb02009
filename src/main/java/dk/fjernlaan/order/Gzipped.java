package dk.fjernlaan.order;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The automation decision with its candidate list (hundreds of holders for a popular title) is kept gzipped: a
 * tenth of the space, and of the writing. Text without the {@code gz:} mark is read as it is.
 */
final class Gzipped {

    private Gzipped() {}

    static String pack(String json) {
        if (json == null) {
            return null;
        }
        try (var bytes = new ByteArrayOutputStream(); var zip = new GZIPOutputStream(bytes)) {
            zip.write(json.getBytes(StandardCharsets.UTF_8));
            zip.finish();
            return "gz:" + Base64.getEncoder().encodeToString(bytes.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unpack(String stored) {
        if (stored == null || !stored.startsWith("gz:")) {
            return stored;
        }
        try (var zip = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(stored.substring(3))))) {
            return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
