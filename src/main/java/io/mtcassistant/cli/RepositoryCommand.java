package io.mtcassistant.cli;

import picocli.CommandLine.Command;

/** `mtc-assistant repository`: the replication repository (procedure 7.5). Only its subcommands do work. */
@Command(name = "repository", mixinStandardHelpOptions = true,
        description = {"The replication repository (procedure 7.5): check an S3 endpoint from this workstation.",
            "Keys are never arguments: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, --credentials-file, or a Secret."},
        subcommands = {RepositoryCheckCommand.class, RepositoryDiscoverCommand.class, RepositoryCreateCommand.class})
public class RepositoryCommand implements Runnable {

    @Override
    public void run() {
        throw new BadInputException("repository: give a subcommand (check, discover, create); see mtc-assistant repository --help");
    }
}
