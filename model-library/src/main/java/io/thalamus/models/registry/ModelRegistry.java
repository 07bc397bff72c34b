package io.thalamus.models.registry;

import io.thalamus.models.card.CardViolation;
import io.thalamus.models.card.Implementation;
import io.thalamus.models.card.InvalidCardException;
import io.thalamus.models.card.ModelCard;
import io.thalamus.models.card.ModelCardJson;
import io.thalamus.models.card.TaskType;
import io.thalamus.models.runtime.OnnxTensorModel;
import io.thalamus.models.runtime.OpenAiChatModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The model library at run time: cards from the classpath (shipped by every {@link ModelProvider}) and from
 * an optional directory of {@code *.json} cards, validated against the schema and resolved at load time, so a
 * card naming a missing class or file fails here rather than at first use. Directory cards override classpath
 * cards with the same id. {@link #reload()} re-reads the directory atomically: a bad card leaves the previous
 * set in place.
 */
public final class ModelRegistry implements AutoCloseable {

    private final ModelCardJson reader = new ModelCardJson();
    private final Map<String, ModelProvider> providers;
    private final Map<String, RegisteredModel> classpathModels;
    private final Path directory;
    private volatile Map<String, RegisteredModel> models;
    private final Map<String, Model> instances = new ConcurrentHashMap<>();
    private volatile WatchService watcher;
    private volatile String lastReloadError;

    private ModelRegistry(ClassLoader loader, Path directory) {
        this.providers = new LinkedHashMap<>();
        for (ModelProvider p : ServiceLoader.load(ModelProvider.class, loader)) {
            providers.put(p.getClass().getName(), p);
        }
        this.directory = directory;
        Map<String, RegisteredModel> cp = new LinkedHashMap<>();
        for (ModelProvider p : providers.values()) {
            for (String resource : p.cardResources()) {
                RegisteredModel m = resolve(readResource(p, resource), resource, null);
                if (cp.put(m.card().id(), m) != null) {
                    throw new InvalidCardException(resource, List.of(new CardViolation("/id",
                            "duplicate model id '" + m.card().id() + "' on the classpath")));
                }
            }
        }
        this.classpathModels = Map.copyOf(cp);
        this.models = merge(classpathModels, directory == null ? Map.of() : readDirectory(directory));
    }

    /** Cards from the classpath only. */
    public static ModelRegistry fromClasspath() {
        return new ModelRegistry(ModelRegistry.class.getClassLoader(), null);
    }

    /** Cards from the classpath and from {@code directory} (which must exist). */
    public static ModelRegistry withDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("model directory does not exist: " + directory);
        }
        return new ModelRegistry(ModelRegistry.class.getClassLoader(), directory);
    }

    /**
     * Validates every card of a directory without installing it.
     * @return one entry per card file: empty list when valid, else its problems
     */
    public static Map<Path, List<String>> validateDirectory(Path directory) {
        ModelRegistry probe = fromClasspath();
        Map<Path, List<String>> out = new LinkedHashMap<>();
        for (Path file : cardFiles(directory)) {
            try {
                probe.resolve(Files.readString(file, StandardCharsets.UTF_8), file.toString(), file.getParent());
                out.put(file, List.of());
            } catch (InvalidCardException e) {
                out.put(file, e.violations().stream().map(CardViolation::toString).toList());
            } catch (ModelLoadException e) {
                out.put(file, List.of(e.getMessage()));
            } catch (IOException e) {
                out.put(file, List.of("cannot read: " + e.getMessage()));
            }
        }
        return out;
    }

    /** Every card, sorted by id. */
    public List<ModelCard> cards() {
        return models.values().stream().map(RegisteredModel::card).sorted(Comparator.comparing(ModelCard::id)).toList();
    }

    /** Cards serving {@code task}, sorted by id. */
    public List<ModelCard> cardsFor(TaskType task) {
        return cards().stream().filter(c -> c.serves(task)).toList();
    }

    /** The card with this id. */
    public Optional<ModelCard> card(String id) {
        RegisteredModel m = models.get(id);
        return m == null ? Optional.empty() : Optional.of(m.card());
    }

    /** Where the card with this id came from. */
    public Optional<String> source(String id) {
        RegisteredModel m = models.get(id);
        return m == null ? Optional.empty() : Optional.of(m.source());
    }

    /**
     * The runnable model of card {@code id}, built once and shared.
     * @throws IllegalArgumentException when the id is unknown or the model is not a {@code type}
     */
    public <T extends Model> T model(String id, Class<T> type) {
        RegisteredModel m = models.get(id);
        if (m == null) {
            throw new IllegalArgumentException("unknown model id '" + id + "'; known: " + models.keySet());
        }
        Model instance = instances.computeIfAbsent(m.card().id() + "@" + m.card().version() + "@" + m.source(),
                k -> m.factory().get());
        if (!type.isInstance(instance)) {
            throw new IllegalArgumentException("model '" + id + "' is a " + instance.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return type.cast(instance);
    }

    /** Re-reads the directory; all or nothing. @throws IllegalArgumentException naming the bad card (old set kept) */
    public void reload() {
        if (directory == null) {
            return;
        }
        Map<String, RegisteredModel> next = merge(classpathModels, readDirectory(directory));
        models = next;
    }

    /** Starts watching the directory and reloading on change (daemon thread); errors are kept in {@link #lastReloadError()}. */
    public synchronized void watch() {
        if (directory == null || watcher != null) {
            return;
        }
        try {
            WatchService ws = directory.getFileSystem().newWatchService();
            directory.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            watcher = ws;
            Thread t = new Thread(() -> watchLoop(ws), "model-registry-watch");
            t.setDaemon(true);
            t.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The error of the last failed hot reload, if any. */
    public Optional<String> lastReloadError() {
        return Optional.ofNullable(lastReloadError);
    }

    private void watchLoop(WatchService ws) {
        try {
            while (true) {
                WatchKey key = ws.take();
                key.pollEvents();
                try {
                    reload();
                    lastReloadError = null;
                } catch (RuntimeException e) {
                    lastReloadError = e.getMessage();
                }
                if (!key.reset()) {
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException ignored) {
                // closing a watch service cannot lose data
            }
            watcher = null;
        }
        for (Model m : instances.values()) {
            if (m instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // best effort on shutdown
                }
            }
        }
    }

    private static Map<String, RegisteredModel> merge(Map<String, RegisteredModel> base, Map<String, RegisteredModel> over) {
        Map<String, RegisteredModel> m = new LinkedHashMap<>(base);
        m.putAll(over);
        return Map.copyOf(m);
    }

    private Map<String, RegisteredModel> readDirectory(Path dir) {
        Map<String, RegisteredModel> out = new LinkedHashMap<>();
        for (Path file : cardFiles(dir)) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read model card " + file, e);
            }
            RegisteredModel m = resolve(text, file.toString(), file.getParent());
            if (out.put(m.card().id(), m) != null) {
                throw new InvalidCardException(file.toString(), List.of(new CardViolation("/id",
                        "duplicate model id '" + m.card().id() + "' in " + dir)));
            }
        }
        return out;
    }

    private static List<Path> cardFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list model directory " + dir, e);
        }
    }

    private static String readResource(ModelProvider p, String resource) {
        try (InputStream in = p.getClass().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(p.getClass().getName() + " lists card " + resource + " but it is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RegisteredModel resolve(String text, String source, Path baseDir) {
        ModelCard card = reader.read(source, text);
        Implementation impl = card.implementation();
        if (impl instanceof Implementation.Java j) {
            ModelProvider p = providers.get(j.className());
            if (p == null) {
                String why = classExists(j.className())
                        ? "class " + j.className() + " is not a registered ModelProvider (list it in META-INF/services/"
                                + ModelProvider.class.getName() + ")"
                        : "class " + j.className() + " not found";
                throw new ModelLoadException(source, card.id(), why);
            }
            try {
                p.check(card);
            } catch (IllegalArgumentException e) {
                throw new ModelLoadException(source, card.id(), "provider " + j.className() + " rejects the card: " + e.getMessage());
            }
            return new RegisteredModel(card, source, baseDir, () -> p.create(card));
        }
        if (impl instanceof Implementation.Onnx o) {
            if (baseDir == null) {
                throw new ModelLoadException(source, card.id(), "onnx cards must be loaded from a directory");
            }
            Path file = baseDir.resolve(o.file()).normalize();
            if (!Files.isRegularFile(file)) {
                throw new ModelLoadException(source, card.id(), "onnx file not found: " + file);
            }
            OnnxTensorModel.checkLoads(file, source, card.id());
            return new RegisteredModel(card, source, baseDir, () -> OnnxTensorModel.open(file));
        }
        Implementation.Http h = (Implementation.Http) impl;
        return new RegisteredModel(card, source, baseDir, () -> new OpenAiChatModel(h.endpoint(), card));
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name, false, ModelRegistry.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Ids of the providers found through ServiceLoader (for diagnostics). */
    public List<String> providerClasses() {
        return new ArrayList<>(providers.keySet());
    }
}
