package org.moodbox.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's settings in {@code settings.json} in the data folder: the one writer of that file, and the one
 * place rooms learn of changes: {@link #follow} hands a room its own part of the settings, only when that part
 * changed; {@link #subscribe} tells whoever shows the whole (the screens) after every save.
 *
 * <p>Saving validates first and writes atomically ({@link AtomicFile}), so an invalid form or a power cut
 * leaves the last good file in place. A file that cannot be read at start (hand-edited, torn by an old
 * tool) is not overwritten: it is moved aside to {@code settings.json.corrupt}, the box runs on defaults,
 * and {@link #loadProblem()} says what was wrong so the admin page can tell the owner, until the next good save.
 *
 * <p>Settings this version does not know (a newer version's file, a hand-edited typo) are not a reason to drop
 * all the others: they are moved to {@code settings.unknown.json} and every known setting is used.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    public static final String FILE_NAME = "settings.json";

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final List<Consumer<Settings>> followers = new CopyOnWriteArrayList<>();
    private final List<Consumer<Settings>> listeners = new CopyOnWriteArrayList<>();
    public static final String UNKNOWN_FILE_NAME = "settings.unknown.json";
    private volatile String loadProblem;
    private volatile Settings current;

    private SettingsStore(Path file, Settings current, String loadProblem) {
        this.file = file;
        this.current = current;
        this.loadProblem = loadProblem;
    }

    /** Reads the settings of {@code dataDir}; never fails for a bad file (defaults then), only for a bad disk. */
    public static SettingsStore open(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        ObjectMapper json = new ObjectMapper();
        byte[] bytes;
        try {
            int leftovers = AtomicFile.removeLeftovers(file);
            if (leftovers > 0) {
                LOG.info("removed {} unfinished settings save(s) of an earlier crash or power cut", leftovers);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new SettingsStore(file, Settings.defaults(), null); // a new box: defaults until the first save
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            JsonNode root = json.readTree(bytes);
            String setAside = setAsideUnknown(file, root);
            return new SettingsStore(file, SettingsJson.read(root, Settings.defaults()), setAside);
        } catch (JsonProcessingException e) {
            return quarantined(file, "it is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (InvalidSettingsException e) {
            return quarantined(file, e.getMessage());
        }
    }

    /**
     * Moves the top-level fields this version does not know out of {@code root} into settings.unknown.json.
     *
     * @return the owner's notice, or null when every field is known
     */
    private static String setAsideUnknown(Path file, JsonNode root) throws IOException {
        if (root == null || !root.isObject()) {
            return null;
        }
        List<String> unknown = SettingsJson.unknownFields(root);
        if (unknown.isEmpty()) {
            return null;
        }
        ObjectNode aside = ((ObjectNode) root.deepCopy()).retain(unknown);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFile.write(file.resolveSibling(UNKNOWN_FILE_NAME), json.writeValueAsBytes(aside), false);
        ((ObjectNode) root).remove(unknown);
        String problem = "the settings file had settings this version does not know (" + String.join(", ", unknown)
                + "); they were kept aside in " + UNKNOWN_FILE_NAME + " and every other setting was used";
        LOG.warn("{}: {}", file, problem);
        return problem;
    }

    private static SettingsStore quarantined(Path file, String why) {
        Path aside = moveAside(file);
        String problem = "the settings file could not be used because " + why + "; it was kept as "
                + aside.getFileName() + " and the box runs on default settings until you save new ones";
        LOG.warn("{}: {}", file, problem);
        return new SettingsStore(file, Settings.defaults(), problem);
    }

    private static Path moveAside(Path file) {
        try {
            return AtomicFile.moveAside(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the unreadable " + file + " aside: " + e.getMessage(), e);
        }
    }

    public Settings current() {
        return current;
    }

    /** Why the file on disk was not used at start, if it was not. */
    public Optional<String> loadProblem() {
        return Optional.ofNullable(loadProblem);
    }

    public Path file() {
        return file;
    }

    /**
     * Validates the JSON (fields it lacks keep their current values), writes it, then tells the listeners.
     *
     * @throws InvalidSettingsException when any field is wrong; nothing is written then
     */
    public Settings update(JsonNode changes) {
        synchronized (this) {
            Settings next = SettingsJson.read(changes, current);
            save(next);
            return next;
        }
    }

    /** Writes settings that are valid by construction, then tells the listeners. */
    public void save(Settings next) {
        synchronized (this) {
            try {
                byte[] bytes = json.writeValueAsBytes(SettingsJson.write(json, next));
                // Read our own bytes back before they replace the good file: a bug in writing must not
                // cost the owner their settings at the next start.
                SettingsJson.read(json.readTree(bytes), Settings.defaults());
                AtomicFile.write(file, bytes, false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the settings to " + file + ": " + e.getMessage(), e);
            }
            current = next;
            loadProblem = null; // a good save replaced whatever the file at start had wrong
            LOG.info("settings saved: {}", next);
            // Inside the lock, so listeners see saves in the order they happened. The rooms first, then those
            // who show the whole: cards recomputed after a save already see every room's new part.
            tell(followers, next);
            tell(listeners, next);
        }
    }

    private static void tell(List<Consumer<Settings>> listeners, Settings next) {
        for (Consumer<Settings> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("a settings listener failed; the settings are saved all the same", e);
            }
        }
    }

    /**
     * Applies one part of the settings to a room: now, and after every save that changes that part (by
     * {@code equals}); saves that change other parts leave the room alone. Rooms are told before the
     * {@link #subscribe subscribers}, whatever the order they were wired in.
     */
    public <T> void follow(Function<Settings, T> part, Consumer<? super T> onChange) {
        synchronized (this) {
            T now = part.apply(current);
            onChange.accept(now);
            followChanges(part, onChange);
        }
    }

    /** As {@link #follow}, but only from the next change on: for a room whose start something else decides. */
    public <T> void followChanges(Function<Settings, T> part, Consumer<? super T> onChange) {
        synchronized (this) {
            Object[] last = {part.apply(current)};
            followers.add(saved -> {
                T next = part.apply(saved);
                if (!Objects.equals(next, last[0])) {
                    last[0] = next;
                    onChange.accept(next);
                }
            });
        }
    }

    /** Called after every save with the new settings (on the saving thread), after the rooms' followers. */
    public void subscribe(Consumer<Settings> listener) {
        listeners.add(listener);
    }
}
