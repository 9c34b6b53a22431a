package io.mtcassistant.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mtcassistant.compat.MigrationDecisions;
import java.util.List;

/**
 * The admin's Compatibility decisions and statements, remembered with the clusters they were made for: they are
 * offered again only for exactly the same clusters in the same roles.
 *
 * @param clusters  "role:context" of every cluster of the migration, in the order source, target, remotes
 * @param decisions what the admin decided and stated
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RememberedDecisions(List<String> clusters, MigrationDecisions decisions) {

    public RememberedDecisions {
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
        decisions = decisions == null ? MigrationDecisions.none() : decisions;
    }
}
