package io.mtcassistant.sim.olm;

/** One simulated controller: looks at the current objects and moves them one step towards what they ask for. */
interface Reconciler {

    /** Level-triggered: called after any change and when a step is due; writes only what changed. */
    void reconcile(Pass pass);
}
