package io.mtcassistant.network;

import java.util.List;

/**
 * How the policies of one namespace (or one egress firewall) treat one rsync flow.
 *
 * @param verdict     the answer
 * @param deciders    the objects that decided: the isolating policies when blocked, the allowing one when allowed
 * @param explanation one or two sentences an admin can check against the YAML
 */
public record PolicyVerdict(Verdict verdict, List<String> deciders, String explanation) {

    public PolicyVerdict {
        deciders = List.copyOf(deciders);
    }
}
