package org.moodbox.settings;

import java.time.LocalTime;
import java.util.regex.Pattern;

/**
 * When the kiosk screen dims for the night, as 24-hour "HH:mm" times. The period may cross midnight
 * (22:00 to 07:00 is the usual case); equal start and end mean the screen never dims.
 *
 * <p>Times stay strings in the record because that is exactly what the owner typed and the file stores;
 * {@link #dimsAt(LocalTime)} is the one place that interprets them.
 */
public record ScreenSchedule(String nightDimStart, String nightDimEnd) {
    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    public ScreenSchedule {
        FieldErrors errors = new FieldErrors();
        check(errors, "screenSchedule.nightDimStart", nightDimStart);
        check(errors, "screenSchedule.nightDimEnd", nightDimEnd);
        errors.throwIfAny();
    }

    public static ScreenSchedule defaults() {
        return new ScreenSchedule("22:00", "07:00");
    }

    /** Whether the screen should be dim at this local time. */
    public boolean dimsAt(LocalTime time) {
        LocalTime start = LocalTime.parse(nightDimStart);
        LocalTime end = LocalTime.parse(nightDimEnd);
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    static void check(FieldErrors errors, String field, String value) {
        if (value == null || !HH_MM.matcher(value).matches()) {
            errors.add(field, "must be a 24-hour time like 22:30, got " + (value == null ? "nothing" : "'" + value + "'"));
        }
    }
}
