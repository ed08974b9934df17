package org.moodbox.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * The {@code "youtube"} object of the settings JSON, read field by field like {@link SettingsJson}: a wrong
 * type or value becomes a sentence for {@code youtube.FIELD}; absent fields keep the base's value.
 */
final class YoutubeSettingsJson {
    private static final Set<String> FIELDS = Set.of("phoneLink", "searchEnabled", "dailyQuotaUnits");

    private YoutubeSettingsJson() {
    }

    static void write(ObjectNode node, YoutubeSettings s) {
        node.put("phoneLink", s.phoneLink());
        node.put("searchEnabled", s.searchEnabled());
        node.put("dailyQuotaUnits", s.dailyQuotaUnits());
    }

    /** @return the settings read over {@code base}, or {@code base} when anything was wrong (errors say what) */
    static YoutubeSettings read(FieldErrors errors, JsonNode node, YoutubeSettings base) {
        if (node == null) {
            return base;
        }
        if (!node.isObject()) {
            errors.add("youtube", "must be an object like {\"phoneLink\": \"youtube\", \"searchEnabled\": false,"
                    + " \"dailyQuotaUnits\": 10000}");
            return base;
        }
        int before = errorCount(errors);
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add("youtube." + name, "is not a YouTube setting; use phoneLink, searchEnabled and "
                        + "dailyQuotaUnits");
            }
        });
        String phoneLink = base.phoneLink();
        JsonNode link = node.get("phoneLink");
        if (link != null) {
            if (link.isTextual()) {
                phoneLink = link.textValue();
            } else {
                errors.add("youtube.phoneLink", "must be text (youtube or spotify), got " + link);
            }
        }
        boolean enabled = base.searchEnabled();
        JsonNode on = node.get("searchEnabled");
        if (on != null) {
            if (on.isBoolean()) {
                enabled = on.booleanValue();
            } else {
                errors.add("youtube.searchEnabled", "must be true or false, got " + on);
            }
        }
        int units = base.dailyQuotaUnits();
        JsonNode quota = node.get("dailyQuotaUnits");
        if (quota != null) {
            if (quota.isIntegralNumber() && quota.canConvertToInt()) {
                units = quota.intValue();
            } else {
                errors.add("youtube.dailyQuotaUnits", "must be a whole number of quota units, like 10000; got "
                        + quota);
            }
        }
        YoutubeSettings.check(errors, "youtube.", phoneLink, units);
        return errorCount(errors) > before ? base : new YoutubeSettings(phoneLink, enabled, units);
    }

    private static int errorCount(FieldErrors errors) {
        return errors.count();
    }
}
