package dev.couchannel.hosting.venue;

/**
 * What a venue shows a match on: how many screens (projectors count), the diagonal of the
 * largest in inches (0 when there is no screen), and how many speakers.
 */
public record Equipment(int screens, int largestScreenInches, int speakers) {

    public static final int MAX_SCREENS = 20;
    public static final int MIN_SCREEN_INCHES = 20;
    public static final int MAX_SCREEN_INCHES = 200;
    public static final int MAX_SPEAKERS = 64;

    public Equipment {
        Violations violations = new Violations()
                .check(
                        screens >= 0 && screens <= MAX_SCREENS,
                        "screens",
                        "screens must be between 0 and " + MAX_SCREENS + ", not " + screens + ".")
                .check(
                        largestScreenInches == 0
                                || (largestScreenInches >= MIN_SCREEN_INCHES
                                        && largestScreenInches <= MAX_SCREEN_INCHES),
                        "largestScreenInches",
                        "largestScreenInches must be 0 (no screen) or a diagonal between " + MIN_SCREEN_INCHES + " and "
                                + MAX_SCREEN_INCHES + " inches, not " + largestScreenInches + ".")
                .check(
                        speakers >= 0 && speakers <= MAX_SPEAKERS,
                        "speakers",
                        "speakers must be between 0 and " + MAX_SPEAKERS + ", not " + speakers + ".");
        if (violations.isEmpty()) {
            violations
                    .check(
                            screens == 0 || largestScreenInches > 0,
                            "largestScreenInches",
                            "Give the diagonal of the largest of the " + screens + " screens in inches.")
                    .check(
                            screens > 0 || largestScreenInches == 0,
                            "screens",
                            "screens is 0 but largestScreenInches is " + largestScreenInches
                                    + ": count the screens (a projector counts as one).");
        }
        violations.throwIfAny();
    }

    public static Equipment none() {
        return new Equipment(0, 0, 0);
    }
}
