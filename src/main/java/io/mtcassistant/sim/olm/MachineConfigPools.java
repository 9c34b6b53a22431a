package io.mtcassistant.sim.olm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The machine-config operator's view of mirror configuration: when the ImageContentSourcePolicies /
 * ImageDigestMirrorSets change, every pool (master, worker; three machines each) rolls out a new rendered config,
 * one machine per step: Updating, then Updated again. As on a real cluster the operator first takes a while to render
 * the new config, and all that time the pool still shows its old Updated=True: a wait that starts right after the
 * change and trusts that condition alone would pass before the rollout began.
 */
final class MachineConfigPools implements Reconciler {

    private static final int MACHINES = 3;
    /** Steps between the mirror change and the pool starting to update (the render). */
    static final int RENDER_STEPS = 4;

    static ObjectNode pool(String name, String renderedHash) {
        ObjectNode pool = Api.named(name, null);
        pool.with("metadata").putObject("labels").put("pools.operator.machineconfiguration.openshift.io/" + name, "");
        ObjectNode spec = pool.putObject("spec");
        spec.putObject("configuration").put("name", rendered(name, renderedHash));
        spec.putObject("machineConfigSelector").putObject("matchLabels")
                .put("machineconfiguration.openshift.io/role", name);
        pool.set("status", status(name, renderedHash, MACHINES, false));
        return pool;
    }

    private static String rendered(String pool, String hash) {
        return "rendered-" + pool + "-" + hash;
    }

    private static ObjectNode status(String pool, String renderedHash, int updated, boolean updating) {
        ObjectNode status = Api.object();
        status.put("machineCount", MACHINES).put("readyMachineCount", updated).put("updatedMachineCount", updated)
                .put("unavailableMachineCount", updating ? 1 : 0).put("degradedMachineCount", 0)
                .put("observedGeneration", 1);
        status.putObject("configuration").put("name", rendered(pool, renderedHash));
        ArrayNode conditions = status.putArray("conditions");
        conditions.add(Api.newCondition("Updated", !updating, null,
                updating ? null : "All nodes are updated with " + rendered(pool, renderedHash)));
        conditions.add(Api.newCondition("Updating", updating, null,
                updating ? "All nodes are updating to " + rendered(pool, renderedHash) : null));
        conditions.add(Api.newCondition("Degraded", false, null, null));
        return status;
    }

    @Override
    public void reconcile(Pass pass) {
        StringBuilder mirrors = new StringBuilder();
        pass.rules().forEach(rule -> mirrors.append(rule).append('\n'));
        String desired = mirrors.length() == 0 ? "0" : Integer.toHexString(mirrors.toString().hashCode());
        for (ObjectNode pool : pass.api.list(Api.MACHINE_CONFIG_POOL, null)) {
            String name = Api.name(pool);
            String current = pool.path("status").path("configuration").path("name").asText("");
            if (current.equals(rendered(name, desired))) {
                continue;
            }
            String rollout = "mcp/" + name + "/" + desired;
            if (!pass.elapsed(rollout, RENDER_STEPS)) {
                continue;
            }
            int updated = 0;
            while (updated < MACHINES && pass.elapsed(rollout, RENDER_STEPS + updated + 1L)) {
                updated++;
            }
            ObjectNode status;
            if (updated >= MACHINES) {
                status = status(name, desired, MACHINES, false);
            } else {
                status = status(name, desired, updated, true);
                // the pool still runs the old config until every machine has the new one
                status.with("configuration").put("name", current);
            }
            if (!Api.sameIgnoringTimes(status, pool.path("status"))) {
                pool.set("status", status);
                Api.spec(pool).with("configuration").put("name", rendered(name, desired));
                pass.api.update(Api.MACHINE_CONFIG_POOL, pool);
                pass.api.writeStatus(Api.MACHINE_CONFIG_POOL, pool);
            }
        }
    }
}
