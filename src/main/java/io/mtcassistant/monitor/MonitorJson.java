package io.mtcassistant.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/**
 * The stable JSON of `monitor --output json`: {"plans": [{"name", "status", "migrations": [{"name", "action",
 * "state", "currentStep", "steps": [{"name", "state", "progress": [{"line", "percent", "failed", "completed"}]}]}]}]}
 * plus more fields (never fewer).
 */
public final class MonitorJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MonitorJson() {
    }

    public static String write(MonitorSnapshot snapshot) {
        return write(snapshot, null);
    }

    /** @param stale when the data is the last good copy of a broken watch, since when; else null */
    public static String write(MonitorSnapshot snapshot, Instant stale) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode plans = root.putArray("plans");
        for (PlanView plan : snapshot.plans()) {
            ObjectNode p = plans.addObject();
            p.put("name", plan.name());
            p.put("status", plan.statusText());
            p.put("ready", plan.ready());
            p.put("sourceCluster", plan.sourceCluster());
            p.put("targetCluster", plan.targetCluster());
            ArrayNode namespaces = p.putArray("namespaces");
            plan.namespaces().forEach(namespaces::add);
            ArrayNode migrations = p.putArray("migrations");
            plan.migrations().forEach(m -> migration(migrations.addObject(), m));
        }
        if (!snapshot.orphanMigrations().isEmpty()) {
            ArrayNode orphans = root.putArray("migrationsWithoutPlan");
            snapshot.orphanMigrations().forEach(m -> migration(orphans.addObject(), m));
        }
        root.put("at", snapshot.at().toString());
        if (stale != null) {
            root.put("staleSince", stale.toString());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the monitor JSON", e);
        }
    }

    private static void migration(ObjectNode node, MigrationView m) {
        node.put("name", m.name());
        node.put("plan", m.planName());
        node.put("action", m.action().jsonName());
        node.put("state", m.state().jsonName());
        node.put("currentStep", m.currentStep());
        node.put("summary", m.summary());
        node.put("phase", m.phase());
        node.put("itinerary", m.itinerary());
        putInstant(node, "start", m.start());
        putInstant(node, "end", m.end());
        if (m.percent() == null) {
            node.putNull("percent");
        } else {
            node.put("percent", m.percent());
        }
        ArrayNode steps = node.putArray("steps");
        for (StepView step : m.steps()) {
            ObjectNode s = steps.addObject();
            s.put("name", step.name());
            s.put("state", step.state().jsonName());
            s.put("title", step.title());
            putInstant(s, "started", step.started());
            putInstant(s, "completed", step.completed());
            if (step.elapsed() == null) {
                s.putNull("seconds");
            } else {
                s.put("seconds", step.elapsed().toSeconds());
            }
            ArrayNode progress = s.putArray("progress");
            for (ProgressLine line : step.progress()) {
                ObjectNode l = progress.addObject();
                l.put("line", line.line());
                if (line.percent() == null) {
                    l.putNull("percent");
                } else {
                    l.put("percent", line.percent());
                }
                l.put("failed", line.failed());
                l.put("completed", line.completed());
                if (line.partiallyFailed()) {
                    l.put("partiallyFailed", true);
                }
                if (line.transferRate() != null) {
                    l.put("transferRate", line.transferRate());
                }
            }
        }
        ArrayNode conditions = node.putArray("conditions");
        m.conditionsByCategory().forEach((category, list) -> list.forEach(c -> {
            ObjectNode cn = conditions.addObject();
            cn.put("type", c.type());
            cn.put("category", c.category());
            cn.put("reason", c.reason());
            cn.put("message", c.message());
        }));
        ArrayNode errors = node.putArray("errors");
        m.errors().forEach(errors::add);
        if (m.waiting() != null) {
            ObjectNode w = node.putObject("waiting");
            w.put("phase", m.waiting().phase());
            w.put("for", m.waiting().waitingFor());
            putInstant(w, "since", m.waiting().since());
            w.put("long", m.waiting().long_());
            w.put("check", m.waiting().whatToCheck());
        }
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value.toString());
        }
    }

}
