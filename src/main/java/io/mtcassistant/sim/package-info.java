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
 * <p>Simulated controllers ({@link io.mtcassistant.sim.olm.OlmSimulation}, one thread per cluster, woken by every
 * write and by due steps; pace set by {@link io.mtcassistant.sim.olm.SimulationSpeed}): OLM on OpenShift 4
 * (CatalogSource READY / TRANSIENT_FAILURE by pulling its image from a trusted registry and reading its file-based
 * catalog, PackageManifests, Subscription -> InstallPlan -> CSV phases, upgrade plans: a newer CSV in the channel, also after
 * the Subscription's channel changed, gets an InstallPlan whose CSV {@code spec.replaces} the installed one; approved, it
 * takes over the operator Deployment and the old CSV goes Replacing, then is deleted), the MTC operator for
 * MigrationController on every OpenShift, the kubelet for openshift-migration (pods of Deployments / DaemonSets,
 * ImagePullBackOff), machine-config pool rollouts after ICSP/IDMS changes, the image registry operator's default route (a Route while
 * configs.imageregistry.operator.openshift.io/cluster says spec.defaultRoute: true; no registry pods), OperatorHub's default sources. Seeded on
 * OpenShift 4: namespaces openshift-marketplace, openshift-operator-lifecycle-manager, OperatorHub "cluster", the four
 * default CatalogSources (registry.redhat.io, never reachable) and the master / worker pools. The demo pair comes with
 * a writable mirror registry ({@link io.mtcassistant.sim.registry.SimulatedMirrorRegistry}).
 *
 * <p>The demo's replication repository: a Multicloud Object Gateway as the API shows one
 * ({@link io.mtcassistant.sim.storage.SimulatedObjectGateway}) naming a simulated S3 server in this process
 * ({@link io.mtcassistant.sim.storage.SimulatedS3Server}, the JDK's HttpServer on 127.0.0.1 and a free port). It checks
 * AWS Signature Version 4 for real (header signature, payload hash, aws-chunked chunk and trailer signatures,
 * x-amz-checksum-* and Content-MD5), with S3's error codes (InvalidAccessKeyId, SignatureDoesNotMatch, NoSuchBucket,
 * NoSuchKey, RequestTimeTooSkewed), and serves path-style ListBuckets, HeadBucket, GetBucketLocation, ListObjects
 * v1/v2, Create/DeleteBucket and Put/Get/Head/DeleteObject. What it does not do: no TLS (plain HTTP only; TLS probes
 * are refused at once), no virtual-hosted addressing, no presigned URLs, SigV2 or SigV4a, no bucket policies, ACLs or
 * per-key rights (every known key may do everything), no region check (any region in the signature scope is
 * accepted), no multipart uploads, copies, ranged reads, versions, tags or object lock (these answer 501
 * NotImplemented), objects of at most 64 MiB, kept in memory until the demo ends. The demo pair starts it (for
 * --demo and the `simulate` command alike) with a bucket provisioner for ObjectBucketClaims
 * ({@link io.mtcassistant.sim.storage.SimulatedBucketProvisioner}); the demo's seeded MigStorage names it and is
 * tested by the simulated controller like any other (Ready only once it wrote to the bucket).
 *
 * <p>Known gaps: no RBAC beyond the cluster-admin answer, no admission or validation, no server-side apply or
 * strategic merge patch, watches replay ADDED on connect (see reference/k8s-clients.md).
 *
 * <p>What the simulated controllers do not do: no catalog pods, gRPC or registry polling by
 * {@code updateStrategy}; OLM dependencies are not resolved (no OADP Subscription or CSV, no
 * DataProtectionApplication: the MTC operator deploys velero and restic / node-agent itself); an upgrade always goes to the channel's
 * head (no replaces / skips / skipRange graph is walked, and any installed CSV may be replaced); only grpc
 * CatalogSources with an image and file-based catalogs; OperatorGroup install modes are not checked (only that one
 * exists); InstallPlans hold one CSV and the CRD is the only other step; no RBAC objects, Services or webhooks from
 * CSVs; no garbage collection except pods of deleted workloads (deleting a CSV leaves its Deployment, as uninstall
 * must delete it); a kubelet only in openshift-migration, one node, one replica per Deployment, no probes, restarts,
 * init containers or pull secrets (registries the simulation trusts are pulled anonymously, all others do not
 * resolve); mirror rules only for digest pulls (no ImageTagMirrorSet); the legacy operator's version is the tag's
 * x.y.z or 1.7.18 when its image is pinned by digest; the MigrationController's Ansible role is reduced to its
 * required keys, component flags and images (no proxy, registry or MigCluster effects).
 */
package io.mtcassistant.sim;
