package dk.fjernlaan.platform;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;

/** The data files bundled with the app (classpath {@code data/}): UTF-8 CSV with a header row. */
public final class BundledCsv {

    private BundledCsv() {}

    public static List<CSVRecord> read(String resource) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            return format.parse(reader).getRecords();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the bundled data " + resource, e);
        }
    }
}
