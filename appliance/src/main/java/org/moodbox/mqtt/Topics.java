package org.moodbox.mqtt;

/** The box's topic names under its base (Frigate's shape: {@code <base>/<feature>/state} and {@code /set}). */
record Topics(String base, String discoveryPrefix) {
    /** Where a fleet's owner publishes the settings every box of {@code group} follows. */
    static String groupSettings(String group) {
        return "moodbox/groups/" + group + "/settings";
    }

    String availability() {
        return base + "/available";
    }

    String state(String entity) {
        return base + "/" + entity + "/state";
    }

    String command(String entity) {
        return base + "/" + entity + "/set";
    }

    /** {@code <base>/+/set}: every command in one subscription. */
    String commands() {
        return base + "/+/set";
    }

    String groupStatus() {
        return base + "/group/status";
    }

    /** Home Assistant says online here when it (re)starts: the box then sends its configs again. */
    String homeAssistantStatus() {
        return discoveryPrefix + "/status";
    }

    String config(String component, String nodeId, String entity) {
        return discoveryPrefix + "/" + component + "/" + nodeId + "/" + entity + "/config";
    }

    /** The entity of a command topic, or null when the topic is not one of ours. */
    String commandEntity(String topic) {
        String prefix = base + "/";
        if (!topic.startsWith(prefix) || !topic.endsWith("/set")) {
            return null;
        }
        String entity = topic.substring(prefix.length(), topic.length() - "/set".length());
        return entity.isEmpty() || entity.contains("/") ? null : entity;
    }
}
