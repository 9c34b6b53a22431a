package io.mtcassistant.install.plan;

/** Told about every state change while a plan is applied (from the applying thread). */
@FunctionalInterface
public interface ApplyListener {

    void changed(ActionOutcome outcome);

    ApplyListener NONE = outcome -> { };
}
