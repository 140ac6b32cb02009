package dk.fjernlaan.directory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At start: load the bundled directory (what is missing only). */
@Component
@Order(10)
class DirectoryStartup implements ApplicationRunner {

    private final DirectoryImporter importer;

    DirectoryStartup(DirectoryImporter importer) {
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) {
        importer.importDirectory();
    }
}
