package io.mtcassistant.install.plan;

import java.util.Locale;

/** The {@code oc}/{@code kubectl} form of each action, for the exported {@code apply.sh}. */
final class ShellCommands {

    /** Helpers the script's steps call; plain POSIX sh, so it runs where oc runs. */
    static final String FUNCTIONS = """
            set -eu
            K="${KUBECTL:-oc}"
            # KUBECTL_VALIDATE=false skips schema validation (for API servers without an OpenAPI document)
            VALIDATE="${KUBECTL_VALIDATE:-strict}"
            cd "$(dirname "$0")"

            step() { printf '\\n== %s\\n' "$1"; }

            # set once a step changed the cluster: from then on a rollout wait needs the rollout (see wait_for)
            changed=0
            # A run stopped after it changed the cluster leaves the baselines it read before its first change here, so
            # a rerun (which finds the objects already present) still waits for those rollouts; gone once all is done.
            kept=rollout-baselines.env
            changed_cluster() {
              if [ "$changed" = 0 ] && [ ! -f "$kept" ]; then
                set | grep '^baseline_[0-9]*=' > "$kept.tmp" || true
                mv "$kept.tmp" "$kept"
              fi
              changed=1
            }

            # value TYPE/NAME NAMESPACE JSONPATH: the field now, empty when the object or field is absent
            value() {
              ns=""; [ "$2" = "-" ] || ns="-n $2"
              "$K" get "$1" $ns -o "jsonpath=$3" 2>/dev/null || true
            }

            # create FILE: like "oc create -f"; AlreadyExists is fine (the object is already present).
            create() {
              if out=$("$K" create --validate="$VALIDATE" -f "$1" 2>&1); then echo "$out"; changed_cluster; return 0; fi
              case "$out" in
                *AlreadyExists*|*"already exists"*) echo "already present: $1" ;;
                *) echo "$out" >&2; exit 1 ;;
              esac
            }

            # create_if_absent FILE: never touches an existing object.
            create_if_absent() {
              if "$K" get -f "$1" >/dev/null 2>&1; then echo "already present: $1"
              else "$K" create --validate="$VALIDATE" -f "$1"; changed_cluster; fi
            }

            # merge_patch TYPE NAME NAMESPACE FILE  (NAMESPACE "-" for cluster-scoped objects)
            merge_patch() {
              if [ "$3" = "-" ]; then "$K" patch "$1" "$2" --type merge --patch-file "$4"
              else "$K" patch "$1" "$2" -n "$3" --type merge --patch-file "$4"; fi
              changed_cluster
            }

            # wait_for TYPE/NAME NAMESPACE JSONPATH 'ok|values' 'failure|values' TIMEOUT_SECONDS [FAILURE_JSONPATH
            #          [BASELINE_JSONPATH BASELINE]]
            # With a baseline (the value before this script changed anything), once a step changed the cluster an ok
            # passes only after BASELINE_JSONPATH moved on or JSONPATH was seen not ok: a pool shows its old
            # Updated=True until its rollout starts, a MigrationController its old Successful until the operator has
            # run again (a new completion time).
            wait_for() {
              ns=""; [ "$2" = "-" ] || ns="-n $2"
              waited=0; v=""; unmet=0
              while :; do
                v=$(value "$1" "$2" "$3")
                ok=0
                case "|$4|" in *"|$v|"*) [ -n "$v" ] && ok=1 ;; esac
                if [ "$ok" = 1 ]; then
                  if [ -z "${8:-}" ] || [ "$changed" = 0 ] || [ "$unmet" = 1 ] \\
                    || [ "$(value "$1" "$2" "$8")" != "${9:-}" ]; then
                    echo "$1: $v"; return 0
                  fi
                  echo "$1: $3 is the $v from before the change; waiting for the change to take effect"
                elif [ -n "$v" ]; then
                  unmet=1
                fi
                f="$v"
                [ -z "${7:-}" ] || f=$(value "$1" "$2" "$7")
                if [ -n "$5" ] && [ -n "$f" ]; then
                  case "|$5|" in *"|$f|"*) echo "$1: $f (failed)" >&2; exit 1 ;; esac
                fi
                if [ "$waited" -ge "$6" ]; then echo "timed out after $6 s waiting for $1 ($3 is '$v')" >&2; exit 1; fi
                sleep 2; waited=$((waited + 2))
              done
            }

            # approve NAMESPACE CSV TIMEOUT_SECONDS: approve only the InstallPlan that installs CSV.
            approve() {
              waited=0
              while :; do
                ip=$("$K" get installplans.operators.coreos.com -n "$1" \\
                  -o 'jsonpath={range .items[*]}{.metadata.name}{" "}{.spec.clusterServiceVersionNames}{"\\n"}{end}' 2>/dev/null \\
                  | grep -F "\\"$2\\"" | awk '{print $1}' | head -n 1 || true)
                if [ -n "$ip" ]; then
                  "$K" patch installplans.operators.coreos.com "$ip" -n "$1" --type merge -p '{"spec":{"approved":true}}'
                  return 0
                fi
                if [ "$waited" -ge "$3" ]; then echo "no InstallPlan for $2 in $1 after $3 s" >&2; exit 1; fi
                sleep 2; waited=$((waited + 2))
              done
            }

            # delete FILE: already gone is fine.
            delete() { "$K" delete -f "$1" --ignore-not-found; }
            """;

    private ShellCommands() {
    }

    /** The line that reads a wait's baseline before the first step; empty for other actions. */
    static String baseline(ChangeAction action, int number) {
        String path = action.kind() == ActionKind.WAIT_FOR ? baselinePath(action.condition()) : null;
        if (path == null) {
            return "";
        }
        ObjectRef ref = action.target();
        return baselineVariable(number) + "=$(value " + type(ref) + "/" + ref.name() + " "
                + (ref.namespace() == null ? "-" : ref.namespace()) + " "
                + ChangePlanExporter.quote(jsonPath(path)) + ")";
    }

    /**
     * What the script compares against: a rollout's baseline, else the first value a reconciliation renews (the
     * script checks the success side only; an old failure still ends it, where the app would wait).
     */
    private static String baselinePath(WaitCondition condition) {
        if (condition.baselinePath() != null) {
            return condition.baselinePath();
        }
        return condition.changedPaths().isEmpty() ? null : condition.changedPaths().get(0);
    }

    private static String baselineVariable(int number) {
        return String.format("baseline_%02d", number);
    }

    static String command(ChangeAction action, String file, int number) {
        ObjectRef ref = action.target();
        String namespace = ref.namespace() == null ? "-" : ref.namespace();
        return switch (action.kind()) {
            case CREATE -> "create " + ChangePlanExporter.quote(file);
            case CREATE_IF_ABSENT -> "create_if_absent " + ChangePlanExporter.quote(file);
            case MERGE_PATCH -> "merge_patch " + type(ref) + " " + ChangePlanExporter.quote(ref.name()) + " " + namespace
                    + " " + ChangePlanExporter.quote(file);
            case DELETE -> "delete " + ChangePlanExporter.quote(file);
            case APPROVE -> "approve " + namespace + " " + ChangePlanExporter.quote(action.csvName()) + " "
                    + action.condition().timeout().toSeconds();
            case WAIT_FOR -> "wait_for " + type(ref) + "/" + ref.name() + " " + namespace + " "
                    + ChangePlanExporter.quote(jsonPath(action.condition().path())) + " "
                    + ChangePlanExporter.quote(String.join("|", action.condition().success())) + " "
                    + ChangePlanExporter.quote(String.join("|", action.condition().failure())) + " "
                    + action.condition().timeout().toSeconds()
                    + (action.condition().failurePath() == null && baselinePath(action.condition()) == null ? ""
                            : " " + ChangePlanExporter.quote(action.condition().failurePath() == null ? ""
                                    : jsonPath(action.condition().failurePath())))
                    + (baselinePath(action.condition()) == null ? ""
                            : " " + ChangePlanExporter.quote(jsonPath(baselinePath(action.condition()))) + " \"$"
                                    + baselineVariable(number) + "\"");
        };
    }

    /** "subscriptions.operators.coreos.com", or "namespaces" for the core group (plural guessed like kubectl's). */
    static String type(ObjectRef ref) {
        String kind = ref.kind().toLowerCase(Locale.ROOT);
        String plural = kind.endsWith("s") ? kind + "es" : kind.endsWith("y") ? kind.substring(0, kind.length() - 1) + "ies"
                : kind + "s";
        return ref.group().isEmpty() ? plural : plural + "." + ref.group();
    }

    /** "status.conditions[type=Ready].status" as kubectl jsonpath: {.status.conditions[?(@.type=="Ready")].status} */
    static String jsonPath(String path) {
        StringBuilder s = new StringBuilder("{");
        for (String segment : path.split("\\.")) {
            int bracket = segment.indexOf('[');
            if (bracket < 0) {
                s.append('.').append(segment);
            } else {
                String field = segment.substring(0, bracket);
                String selector = segment.substring(bracket + 1, segment.length() - 1);
                int eq = selector.indexOf('=');
                s.append('.').append(field).append("[?(@.").append(selector, 0, eq).append("==\"")
                        .append(selector.substring(eq + 1)).append("\")]");
            }
        }
        return s.append('}').toString();
    }
}
