package org.moodbox.model;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Enum values by the name people and files use for them (an emotion's label, a detector's id): parsed one
 * way everywhere, with an error that names the values there are.
 */
public final class EnumNames {
    private EnumNames() {
    }

    /**
     * The value whose name equals {@code text}, ignoring case and surrounding space.
     *
     * @param what what the value is, for the error ("emotion", "detector")
     * @throws IllegalArgumentException for null or an unknown name: "unknown detector 'yolo'; choose one of ..."
     */
    public static <E extends Enum<E>> E parse(Class<E> type, Function<E, String> nameOf, String text, String what) {
        String wanted = text == null ? "" : text.strip();
        for (E value : type.getEnumConstants()) {
            if (nameOf.apply(value).equalsIgnoreCase(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + text + "'; choose one of " + list(type, nameOf));
    }

    /** The names, in declaration order: "match, lift, calm". */
    public static <E extends Enum<E>> String list(Class<E> type, Function<E, String> nameOf) {
        return Arrays.stream(type.getEnumConstants()).map(nameOf).collect(Collectors.joining(", "));
    }
}
