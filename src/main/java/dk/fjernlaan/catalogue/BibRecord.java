package dk.fjernlaan.catalogue;

import java.time.LocalDate;

/**
 * A bibliographic record (one manifestation, identified by its pid). {@code recordCreated} is danMARC2
 * 001 *d, the registration date that the age rules count from; {@code bkmWeek} is the BKM week code
 * (e.g. BKM202520) when the record has one.
 */
public record BibRecord(String pid, String workId, String title, String author, String edition, boolean firstEdition,
                        int materialType, LocalDate recordCreated, String bkmWeek, boolean overbygning, boolean physical) {
}
