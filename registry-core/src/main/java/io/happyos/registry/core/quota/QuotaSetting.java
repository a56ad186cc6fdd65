package io.happyos.registry.core.quota;

import io.happyos.registry.Quota;
import io.happyos.registry.QuotaLimit;
import io.happyos.registry.RegistryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code happyos.quotas} setting: quotas separated by {@code ;} (or new lines), each
 * {@code SCOPE LIMIT VALUE [enforce] [grace=DURATION]}, for example
 * {@code type:skill max-active 3; weather-skill max-cpu-percent 50 enforce grace=30s}.
 */
public final class QuotaSetting {

    /** The framework property. */
    public static final String PROPERTY = "happyos.quotas";

    private QuotaSetting() {}

    /**
     * Reads the setting.
     *
     * @param text the setting's value, or {@code null}
     * @return its quotas, in order
     * @throws RegistryException naming the entry, what is wrong and the form expected
     */
    public static List<Quota> parse(String text) {
        List<Quota> quotas = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return quotas;
        }
        for (String entry : text.split("[;\\n]")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            try {
                quotas.add(entry(e));
            } catch (IllegalArgumentException ex) {
                throw new RegistryException("the setting " + PROPERTY + " has a quota that cannot be read, '" + e
                        + "': "
                        + ex.getMessage() + "; each quota is SCOPE LIMIT VALUE [enforce] [grace=DURATION], separated"
                        + " by ';' (e.g. type:skill max-active 3; weather-skill max-cpu-percent 50 enforce grace=30s)");
            }
        }
        return quotas;
    }

    private static Quota entry(String entry) {
        String[] words = entry.split("\\s+");
        if (words.length < 3) {
            throw new IllegalArgumentException("it needs a scope, a limit and a value");
        }
        boolean enforce = false;
        Duration grace = Quota.DEFAULT_GRACE;
        for (int i = 3; i < words.length; i++) {
            String w = words[i].toLowerCase(Locale.ROOT);
            if (w.equals("enforce")) {
                enforce = true;
            } else if (w.startsWith("grace=")) {
                grace = Duration.ofMillis((long) Quota.parseValue(QuotaLimit.ACTIVATION_TIMEOUT, w.substring(6)));
            } else {
                throw new IllegalArgumentException("'" + words[i] + "' is neither 'enforce' nor 'grace=DURATION'");
            }
        }
        return Quota.parse(words[0], QuotaLimit.parse(words[1]), words[2], enforce, grace);
    }
}
