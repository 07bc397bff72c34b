package io.thalamus.deploy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code thalamus} command line; every operation of the platform has a subcommand here. */
@Command(name = "thalamus", mixinStandardHelpOptions = true, version = "thalamus 0.1.0",
        description = "Telecom network intelligence: intents, model routing, digital twin, SDN control.",
        subcommands = {
            ServeCommand.class,
            TopologyCommand.class,
            LabCommand.class,
            ModelsCommand.class,
            RouterCommand.class,
            FlowsCommand.class,
            AdmitCommand.class,
            WhatIfCommand.class,
            TwinCommand.class,
            RoutingCommand.class,
            TelemetryCommand.class,
        })
public final class ThalamusCli implements Runnable {

    /** Exit code for bad input (malformed or inconsistent files and arguments). */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the command line with the project's error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ThalamusCli());
        cl.setExecutionExceptionHandler(new BadInputHandler());
        return cl;
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0 || !ServeCommand.isServing()) {
            System.exit(code);
        }
    }
}
