package dk.fjernlaan.platform.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.springframework.stereotype.Component;

/** Danish working days: Monday to Friday, except the public holidays (from Jollyday's Danish calendar). */
@Component
public class WorkingDays {

    private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.DENMARK));
    private final FjernlaanClock clock;

    public WorkingDays(FjernlaanClock clock) {
        this.clock = clock;
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.isHoliday(day);
    }

    /** The date {@code days} working days after the given date. */
    public LocalDate plusWorkingDays(LocalDate from, int days) {
        LocalDate day = from;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The date {@code days} working days before the given date. */
    public LocalDate minusWorkingDays(LocalDate from, int days) {
        LocalDate day = from;
        int counted = 0;
        while (counted < days) {
            day = day.minusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The same time of day, {@code days} working days later (in Denmark's time zone). */
    public Instant plusWorkingDays(Instant from, int days) {
        ZonedDateTime at = from.atZone(clock.zone());
        return at.with(plusWorkingDays(at.toLocalDate(), days)).toInstant();
    }
}
