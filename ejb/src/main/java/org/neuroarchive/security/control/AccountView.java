package org.neuroarchive.security.control;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.neuroarchive.security.entity.Account;

/** An account as the admin API and screens show it (never its password hash). */
public record AccountView(String login, String fullName, String email, boolean enabled, List<String> roles, String origin,
                          LocalDateTime lastLoginAt) {

    public static AccountView of(Account account) {
        return new AccountView(account.getLogin(), account.getFullName(), account.getEmail(), account.isEnabled(),
                AccessNames.roleList(account.getSiteRoles()), account.getOrigin().name().toLowerCase(Locale.ROOT),
                account.getLastLoginAt());
    }
}
