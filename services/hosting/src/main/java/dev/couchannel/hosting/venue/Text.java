package dev.couchannel.hosting.venue;

import org.jspecify.annotations.Nullable;

/** Free text a host types: surrounding blanks do not count. */
final class Text {

    private Text() {}

    static String strip(@Nullable String text) {
        return text == null ? "" : text.strip();
    }

    static boolean fits(String stripped, int maxLength) {
        return !stripped.isEmpty() && stripped.length() <= maxLength;
    }
}
