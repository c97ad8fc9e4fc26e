package org.neuroarchive.web.stats;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.neuroarchive.stats.control.FigurePoint;
import org.neuroarchive.stats.control.PipelineFigures;

/**
 * The status screen's charts: this node's pipeline figures over the last hour, a point a minute
 * ({@link PipelineFigures}), as Chart.js configurations for {@code p:chart}. The same figures as the
 * metrics (/api/metrics), for a person without Grafana.
 */
@Named("statusCharts")
@RequestScoped
public class StatusCharts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final String[] COLOURS = {"#2563eb", "#dc2626", "#16a34a", "#d97706"};

    /** One line of a chart: its label and its value at each point. */
    record Line(String label, ToDoubleFunction<FigurePoint> value) {
    }

    @Inject
    PipelineFigures figures;

    private List<FigurePoint> points;

    public List<FigurePoint> getPoints() {
        if (points == null) {
            points = figures.history();
        }
        return points;
    }

    public String getArchived() {
        return chart(getPoints(), "files per minute", new Line("archived", FigurePoint::archivedPerMinute),
                new Line("quarantined", FigurePoint::quarantinedPerMinute));
    }

    public String getQueues() {
        return chart(getPoints(), "series / files", new Line("queued series", FigurePoint::queuedSeries),
                new Line("held series", FigurePoint::heldSeries), new Line("failed series", FigurePoint::failedSeries),
                new Line("files waiting in incomingdir", FigurePoint::waitingFiles));
    }

    public String getTransactions() {
        return chart(getPoints(), "seconds", new Line("archive transaction (mean)", FigurePoint::transactionSeconds));
    }

    public String getReceiver() {
        return chart(getPoints(), "", new Line("active associations", FigurePoint::activeAssociations),
                new Line("MB received per minute", p -> p.receivedBytesPerMinute() / 1_000_000.0));
    }

    /** A line chart of {@code lines} over the points' times. */
    static String chart(List<FigurePoint> points, String axis, Line... lines) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        points.forEach(p -> labels.add(TIME.format(p.at().atZone(ZoneId.systemDefault()))));
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (int i = 0; i < lines.length; i++) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            for (FigurePoint point : points) {
                data.add(Math.round(lines[i].value().applyAsDouble(point) * 100) / 100.0);
            }
            datasets.add(Json.createObjectBuilder().add("label", lines[i].label()).add("data", data)
                    .add("borderColor", COLOURS[i % COLOURS.length]).add("backgroundColor", COLOURS[i % COLOURS.length])
                    .add("pointRadius", 2).add("borderWidth", 2).add("tension", 0.2));
        }
        JsonObjectBuilder y = Json.createObjectBuilder().add("beginAtZero", true)
                .add("title", Json.createObjectBuilder().add("display", !axis.isEmpty()).add("text", axis));
        return Json.createObjectBuilder().add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder().add("animation", false).add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder().add("y", y))
                        .add("plugins", Json.createObjectBuilder().add("legend",
                                Json.createObjectBuilder().add("position", "bottom"))))
                .build().toString();
    }
}
