package io.mtcassistant.monitor;

/** What a MigMigration does, named as in the CLI and JSON; {@link #consoleWord()} is the web console's. */
public enum MigrationAction {
    STAGE("stage", "Stage"),
    CUTOVER("cutover", "Migration"),
    ROLLBACK("rollback", "Rollback");

    private final String jsonName;
    private final String consoleWord;

    MigrationAction(String jsonName, String consoleWord) {
        this.jsonName = jsonName;
        this.consoleWord = consoleWord;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The word the console's plan status texts use ("Stage failed", "Migration in progress"). */
    public String consoleWord() {
        return consoleWord;
    }
}
