package io.thalamus.sdnrouter.controller;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the host's network tools (ip, tc, ovs-vsctl, ethtool, ping, iperf3) and reports failures with their output. */
final class HostCommands {

    /** What a finished command printed. */
    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private HostCommands() {
    }

    /** Runs a command, feeding {@code stdin} when not null; never throws on a non-zero exit. */
    static Result run(List<String> command, String stdin, long timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(127, "", command.get(0) + ": " + e.getMessage());
        }
        try {
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            var out = new java.util.concurrent.CompletableFuture<String>();
            var err = new java.util.concurrent.CompletableFuture<String>();
            Thread to = new Thread(() -> out.complete(read(p.getInputStream())), "cmd-out");
            Thread te = new Thread(() -> err.complete(read(p.getErrorStream())), "cmd-err");
            to.setDaemon(true);
            te.setDaemon(true);
            to.start();
            te.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(124, "", String.join(" ", command) + ": timed out after " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), out.get(5, TimeUnit.SECONDS), err.get(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(130, "", "interrupted");
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return new Result(1, "", e.toString());
        }
    }

    static Result run(String... command) {
        return run(List.of(command), null, 30);
    }

    /** Runs a command and throws {@link LabException} naming it and its error output when it fails. */
    static String check(String... command) {
        return check(List.of(command), null);
    }

    static String check(List<String> command, String stdin) {
        Result r = run(command, stdin, 60);
        if (!r.ok()) {
            throw new LabException("'" + String.join(" ", command) + "' failed (exit " + r.exitCode() + "): "
                    + r.stderr().strip());
        }
        return r.stdout();
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
