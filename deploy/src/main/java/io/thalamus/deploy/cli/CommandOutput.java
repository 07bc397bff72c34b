package io.thalamus.deploy.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How every command hands back its result: printed to standard output, and also written to {@code --out} when given. */
final class CommandOutput {

    private CommandOutput() {
    }

    /** Writes {@code text} to {@code out} (creating its folder) when it is not null, then prints it. */
    static void emit(CommandSpec spec, Path out, String text) throws IOException {
        if (out != null) {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, text);
        }
        spec.commandLine().getOut().println(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        spec.commandLine().getOut().flush();
    }
}
