package org.neuroarchive.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.neuroarchive.security.control.ProjectAccess;

/** How the admin pages write lists and times: {@code #{texts.list(u.roles())}}, {@code #{texts.time(k.createdAt())}}. */
@Named("texts")
@ApplicationScoped
public class Texts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The items separated by commas, or a dash for none. */
    public String list(Collection<String> items) {
        return items == null || items.isEmpty() ? "—" : String.join(", ", items);
    }

    /** An API key's projects: {@code 121961 (view-data, modify-data); 999999 (view-data)}. */
    public String projects(List<ProjectAccess> projects) {
        return projects == null || projects.isEmpty() ? "—"
                : projects.stream().map(p -> p.costcenter() + " (" + String.join(", ", p.permissions()) + ")")
                        .collect(Collectors.joining("; "));
    }

    public String time(LocalDateTime time) {
        return time == null ? "" : TIME.format(time);
    }
}
