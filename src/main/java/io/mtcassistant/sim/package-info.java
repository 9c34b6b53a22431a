/**
 * Simulated clusters for the demo mode, the {@code simulate} command and tests. A simulation, not a cluster: fabric8's
 * KubernetesMockServer (CRUD mode, plain HTTP on 127.0.0.1) behind a TLS front with the simulation's own CA.
 *
 * <p>What it answers like a real API server: /version, /version/openshift (3.x), ClusterVersion "version" (4.x),
 * /api, /apis and /apis/GROUP/VERSION discovery (built-in groups per platform plus every stored CRD), bearer tokens
 * (401 for unknown ones, 403 for anonymous), client certificates of its CA (CN = user), the OpenShift OAuth
 * challenge flow (/.well-known/oauth-authorization-server, /oauth/authorize), users/~ (OpenShift),
 * SelfSubjectReview (Kubernetes), SelfSubjectAccessReview (cluster-admin yes/no), and CRUD with watches for any
 * resource.
 *
 * <p>How later simulations extend it: {@link io.mtcassistant.sim.SimulatedCluster#client()} (full rights),
 * {@link io.mtcassistant.sim.SimulatedCluster#registerResource} (discovery for more groups), POSTing CRDs, and
 * {@link io.mtcassistant.sim.SimulatedCluster#mockServer()}{@code .expect()} — recorded expectations (exact method
 * and path, query included) win over the built-in answers and the CRUD store, after authentication.
 *
 * <p>The MTC migration controller of the demo pair's sim-target is simulated in
 * {@link io.mtcassistant.sim.migration} (its own notes list what it does not do).
 *
 * <p>Known gaps: no RBAC beyond the cluster-admin answer, no admission or validation, no server-side apply or
 * strategic merge patch, watches replay ADDED on connect (see reference/k8s-clients.md).
 */
package io.mtcassistant.sim;
