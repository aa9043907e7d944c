package dev.retrylab.ui.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * Where the workbench keeps what it remembers between sessions (recent files, the last export
 * folder), as text under a key. {@link #preferences()} keeps them in the user's preferences;
 * {@link #inMemory()} forgets them, for tests.
 */
public interface Settings {

    /** The text stored under {@code key}, if any. */
    Optional<String> get(String key);

    /** Stores {@code value} under {@code key}. */
    void put(String key, String value);

    /** The user's preferences for the workbench (java.util.prefs). */
    static Settings preferences() {
        Preferences node = Preferences.userRoot().node("dev/retrylab/workbench");
        return new Settings() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(node.get(key, null));
            }

            @Override
            public void put(String key, String value) {
                node.put(key, value);
            }
        };
    }

    /** Settings that live as long as the object. */
    static Settings inMemory() {
        Map<String, String> values = new HashMap<>();
        return new Settings() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(values.get(key));
            }

            @Override
            public void put(String key, String value) {
                values.put(key, value);
            }
        };
    }
}
