package org.neuroarchive.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the audit trail readable: routine events (a Basic login, an API key's use) are recorded once a while. */
@ApplicationScoped
public class RecentUses {

    private final Map<String, Long> last = new ConcurrentHashMap<>();

    /** True when {@code key} was not recorded within {@code quietMillis}; then it counts as recorded now. */
    public boolean firstIn(String key, long quietMillis) {
        long now = System.currentTimeMillis();
        if (last.size() > 50_000) {
            last.values().removeIf(t -> now - t > quietMillis);
        }
        boolean[] first = {false};
        last.compute(key, (k, recorded) -> {
            if (recorded == null || now - recorded > quietMillis) {
                first[0] = true;
                return now;
            }
            return recorded;
        });
        return first[0];
    }
}
