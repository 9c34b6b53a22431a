/**
 * Migration plans (issue 14): what an admin asks for (a {@link io.mtcassistant.plans.PlanRequest}), its checks
 * before anything is created (names, Ready clusters and storage, namespaces, the controller's limits), the MigPlan
 * and MigHook objects it becomes, the persistent-volume choices after the controller has discovered the volumes,
 * the plan's conditions in plain words, and the change plans that create, edit, close and delete it. No JavaFX.
 */
package io.mtcassistant.plans;
