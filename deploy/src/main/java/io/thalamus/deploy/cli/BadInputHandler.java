package io.thalamus.deploy.cli;

import io.thalamus.network.format.TopologyFormatException;
import picocli.CommandLine;

/** Turns domain input errors into one line on stderr and exit code 2, never a stack trace. */
final class BadInputHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (ex instanceof TopologyFormatException || ex instanceof IllegalArgumentException
                || ex instanceof java.nio.file.NoSuchFileException || ex instanceof java.io.UncheckedIOException) {
            cmd.getErr().println("error: " + describe(ex));
            return ThalamusCli.EXIT_BAD_INPUT;
        }
        cmd.getErr().println("error: " + describe(ex));
        ex.printStackTrace(cmd.getErr());
        return 1;
    }

    private static String describe(Exception ex) {
        if (ex instanceof java.nio.file.NoSuchFileException nsf) {
            return "no such file: " + nsf.getFile();
        }
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }
}
