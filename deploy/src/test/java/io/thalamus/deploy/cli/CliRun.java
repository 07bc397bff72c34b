package io.thalamus.deploy.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the {@code thalamus} command line, with what it printed and its exit code. */
record CliRun(int code, String out, String err) {

    /** Runs the real command line (the same error handling as {@code ./thalamus}) and captures its output. */
    static CliRun run(String... args) {
        CommandLine cl = ThalamusCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
