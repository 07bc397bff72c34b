package io.thalamus.deploy.cli;

import io.thalamus.models.card.ModelCard;
import io.thalamus.models.registry.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code thalamus models}: the model library's cards: list, show one, validate a folder. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List, show and validate model cards.",
        subcommands = {ModelsCommand.ListCards.class, ModelsCommand.Show.class, ModelsCommand.Validate.class})
public final class ModelsCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    static ModelRegistry registry(Path dir) {
        return dir == null ? ModelRegistry.fromClasspath() : ModelRegistry.withDirectory(dir);
    }

    /** {@code thalamus models list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per model card.")
    static final class ListCards implements Callable<Integer> {
        @Option(names = "--dir", description = "Also load the cards of this folder.")
        Path dir;

        @Override
        public Integer call() {
            try (ModelRegistry r = registry(dir)) {
                System.out.printf(Locale.ROOT, "%-28s %-8s %-22s %12s %-12s %s%n", "ID", "VERSION", "TASKS", "PARAMETERS",
                        "CLEARANCE", "IMPLEMENTATION");
                for (ModelCard c : r.cards()) {
                    System.out.printf(Locale.ROOT, "%-28s %-8s %-22s %12d %-12s %s%n", c.id(), c.version(),
                            c.tasks().stream().map(t -> t.wire()).collect(Collectors.joining(",")), c.parameterCount(),
                            c.clearance().wire(), c.implementation().reference());
                }
            }
            return 0;
        }
    }

    /** {@code thalamus models show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print one model card as JSON.")
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID", description = "Card id, e.g. forecast.holt-winters.")
        String id;

        @Option(names = "--dir", description = "Also load the cards of this folder.")
        Path dir;

        @Override
        public Integer call() {
            try (ModelRegistry r = registry(dir)) {
                ModelCard c = r.card(id).orElseThrow(() -> new IllegalArgumentException("unknown model id '" + id
                        + "'; known: " + r.cards().stream().map(ModelCard::id).toList()));
                System.out.println(c.json());
            }
            return 0;
        }
    }

    /** {@code thalamus models validate DIR}. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Validate every *.json card of a folder against the schema and resolve its implementation.")
    static final class Validate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "Folder of model cards.")
        Path dir;

        @Override
        public Integer call() {
            if (!java.nio.file.Files.isDirectory(dir)) {
                throw new IllegalArgumentException("not a folder: " + dir);
            }
            Map<Path, List<String>> report = ModelRegistry.validateDirectory(dir);
            int bad = 0;
            for (Map.Entry<Path, List<String>> e : report.entrySet()) {
                if (e.getValue().isEmpty()) {
                    System.out.println("ok      " + e.getKey());
                } else {
                    bad++;
                    for (String problem : e.getValue()) {
                        System.out.println("invalid " + e.getKey() + ": " + problem);
                    }
                }
            }
            System.out.println(report.size() + " card(s), " + bad + " invalid");
            return bad == 0 ? 0 : ThalamusCli.EXIT_BAD_INPUT;
        }
    }
}
