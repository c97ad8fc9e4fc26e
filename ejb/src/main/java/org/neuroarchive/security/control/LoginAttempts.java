package org.neuroarchive.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing without letting a stranger lock others out: within
 * {@value #WINDOW_MINUTES} minutes, a login name tried from one address may fail {@value #PER_PAIR}
 * times, a login name from all addresses together {@value #PER_LOGIN} times (guessing spread over many
 * machines), and one address {@value #PER_ADDRESS} times over all login names (trying many accounts).
 * Beyond that, attempts are refused without checking the password until the oldest failure leaves the
 * window. A correct password from another address still works after the per-pair limit, so a colleague's
 * typos do not lock an account, and an attacker must spend many addresses to block one.
 */
@ApplicationScoped
public class LoginAttempts {

    static final int PER_PAIR = 10;
    static final int PER_LOGIN = 50;
    static final int PER_ADDRESS = 100;
    static final int WINDOW_MINUTES = 5;
    private static final long WINDOW_MILLIS = Duration.ofMinutes(WINDOW_MINUTES).toMillis();

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    /** Seconds to wait before {@code login} from {@code address} may try again; 0 when it may now. */
    public long blockedSeconds(String login, String address) {
        long now = System.currentTimeMillis();
        return Math.max(wait(pair(login, address), PER_PAIR, now),
                Math.max(wait("login:" + login, PER_LOGIN, now), wait("address:" + address, PER_ADDRESS, now)));
    }

    public void failed(String login, String address) {
        long now = System.currentTimeMillis();
        add(pair(login, address), PER_PAIR, now);
        add("login:" + login, PER_LOGIN, now);
        add("address:" + address, PER_ADDRESS, now);
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> expired(e.getValue(), now));
        }
    }

    /** A correct password from {@code address}: the typos made there before are forgiven. */
    public void succeeded(String login, String address) {
        failures.remove(pair(login, address));
    }

    private static String pair(String login, String address) {
        return "pair:" + login + "\u0000" + address;
    }

    private void add(String key, int limit, long now) {
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (times.size() > limit) {
                times.removeFirst();
            }
        }
    }

    private long wait(String key, int limit, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() > WINDOW_MILLIS) {
                times.removeFirst();
            }
            if (times.size() < limit) {
                return 0;
            }
            return Math.max(1, (times.peekFirst() + WINDOW_MILLIS - now + 999) / 1000);
        }
    }

    private static boolean expired(Deque<Long> times, long now) {
        synchronized (times) {
            return times.isEmpty() || now - times.peekLast() > WINDOW_MILLIS;
        }
    }
}
