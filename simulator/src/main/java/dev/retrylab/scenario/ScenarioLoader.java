package dev.retrylab.scenario;

import dev.retrylab.fault.Fault;
import dev.retrylab.model.ClientConfig;
import dev.retrylab.model.DownstreamCall;
import dev.retrylab.model.HerdWindow;
import dev.retrylab.model.LoadBalancing;
import dev.retrylab.model.Scenario;
import dev.retrylab.model.ServiceConfig;
import dev.retrylab.model.StrategyFactory;
import dev.retrylab.model.Workload;
import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.time.DurationText;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads a scenario file into a validated {@link Scenario}. The format is documented, key by key
 * with every default, in {@code scenarios/reference.yaml}; this class reads the top level, the
 * services and the clients, and leaves distributions, workloads, downstream calls, faults and
 * strategies to {@link DistributionReader}, {@link WorkloadReader}, {@link CallReader},
 * {@link FaultReader} and {@link StrategyReader} (with {@link StrategyInheritance} for
 * {@code extends} and {@link StrategyPresets}). {@code scenarios/retrylab.schema.json} describes
 * the same format for editors.
 *
 * <p>Contract: a file with mistakes gives one {@link ScenarioException} listing every mistake
 * found, in file order, each with file, line, column, key path, what was found and what is
 * allowed. The reader goes on after a mistake, so one run shows them all. A file that cannot be
 * read is a {@link ScenarioException} too. No other exception escapes for bad input.
 *
 * <p>Rules beyond each value's own range: names of services, clients and strategies are letters,
 * digits, {@code -} and {@code _}; every client group targets a defined service, or several with
 * shares adding up to 100% (exactly one of {@code target} and {@code targets}; there may be any
 * number of groups; each runs the strategy being compared); the interval is at most the duration,
 * and the run has at most {@value #MAX_INTERVALS} intervals; the herd window's instant lies in the
 * run and it has at most {@value HerdWindow#MAX_BUCKETS} buckets; a name or key appears once in its
 * mapping; and the rules of {@link WorkloadReader}, {@link CallReader}, {@link FaultReader},
 * {@link StrategyReader} and {@link StrategyInheritance}. Stateless and thread-safe.
 */
public final class ScenarioLoader {

    /** The most intervals a run may have (duration / interval). */
    public static final int MAX_INTERVALS = 1_000_000;
    /** The largest file read, in bytes. */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    static final List<String> TOP_KEYS = List.of("name", "description", "seed", "replications", "duration",
            "interval", "services", "clients", "faults", "strategies", "herd");
    static final List<String> HERD_KEYS = List.of("at", "before", "after", "bucket");
    static final List<String> SERVICE_KEYS = List.of("replicas", "workers", "queue", "serviceTime", "loadCost",
            "networkDelay", "cancelOnTimeout", "loadBalancing", "failureProbability", "failureKind", "contendedRows",
            "calls");
    static final List<String> CLIENT_KEYS = List.of("count", "target", "targets", "workload", "timeout", "deadline",
            "pool");
    static final Set<String> LOAD_BALANCING = SpecReader.choices("round-robin", "random", "least-outstanding");

    private static final int MAX_REPLICAS = 10_000;
    private static final int MAX_WORKERS = 1_000_000;
    private static final int MAX_CLIENTS = 10_000_000;
    private static final int MAX_ROWS = 10_000_000;
    private static final int MAX_POOL = 10_000_000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Duration ONE_NANO = Duration.ofNanos(1);

    private final SpecReader reader;
    private final DistributionReader distributions;
    private final WorkloadReader workloads;

    private ScenarioLoader(String file) {
        this.reader = new SpecReader(file);
        this.distributions = new DistributionReader(reader);
        this.workloads = new WorkloadReader(reader);
    }

    /**
     * Reads and validates the scenario in {@code file}.
     *
     * @throws ScenarioException listing every mistake, or saying why the file could not be read
     */
    public static Scenario load(Path file) throws ScenarioException {
        return load(file, List.of());
    }

    /**
     * Reads and validates the scenario in {@code file} with {@code overrides} applied, in order,
     * as if the file said so.
     *
     * @throws ScenarioException listing every mistake, in the file or in an override
     */
    public static Scenario load(Path file, List<ScenarioOverride> overrides) throws ScenarioException {
        String name = file.toString();
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw failure(name, "is larger than " + MAX_FILE_BYTES / (1024 * 1024)
                        + " MB, too large for a scenario file");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw failure(name, "no such file");
        } catch (AccessDeniedException e) {
            throw failure(name, "could not be read: permission denied");
        } catch (MalformedInputException e) {
            throw failure(name, "is not UTF-8 text");
        } catch (IOException e) {
            throw failure(name, "could not be read: " + e.getMessage());
        }
        return parse(name, text, overrides);
    }

    /**
     * Reads and validates the scenario in {@code yamlText}.
     *
     * @param fileName the name to put in error messages; its last part without extension is the
     *                 scenario's default name
     * @throws ScenarioException listing every mistake
     */
    public static Scenario parse(String fileName, String yamlText) throws ScenarioException {
        return parse(fileName, yamlText, List.of());
    }

    /**
     * Reads and validates the scenario in {@code yamlText} with {@code overrides} applied, in
     * order, as if the text said so.
     *
     * @throws ScenarioException listing every mistake, in the text or in an override
     */
    public static Scenario parse(String fileName, String yamlText, List<ScenarioOverride> overrides)
            throws ScenarioException {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(yamlText, "yamlText");
        List<ScenarioError> duplicates = new ArrayList<>();
        SourceNode root = SourceNode.parse(fileName, yamlText, duplicates);
        ScenarioLoader loader = new ScenarioLoader(fileName);
        duplicates.forEach(loader.reader::add);
        for (ScenarioOverride override : overrides) {
            try {
                root = root.withScalar(override.keys(), override.value(), override.origin());
            } catch (IllegalArgumentException e) {
                loader.reader.add(new ScenarioError("--param " + override.path(), 0, 0, "", e.getMessage()));
            }
        }
        return loader.read(root);
    }

    private static ScenarioException failure(String file, String message) {
        return new ScenarioException(List.of(new ScenarioError(file, 0, 0, "", message)));
    }

    /** The scenario's default name: the file name without directories and extension. */
    static String defaultName(String fileName) {
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        String stem = dot > 0 ? base.substring(0, dot) : base;
        return stem.isBlank() ? "scenario" : stem;
    }

    /** Reports {@code name} at {@code at} unless it is a valid name for a {@code what}. */
    static void checkName(SpecReader reader, SourceNode at, String name, String what) {
        if (!NAME.matcher(name).matches()) {
            reader.error(at, "'" + name + "' is not a valid " + what + " name: use letters, digits, '-' and '_', "
                    + "starting with a letter or digit");
        }
    }

    private Scenario read(SourceNode root) throws ScenarioException {
        if (root.kind() == SourceNode.Kind.NULL) {
            reader.error(root, "the file is empty: a scenario needs at least duration, services, clients and "
                    + "strategies (see scenarios/reference.yaml)");
            reader.throwIfAny();
        }
        Map<String, SourceNode> top = reader.mapping(root, TOP_KEYS,
                List.of("duration", "services", "clients", "strategies"));
        String name = reader.string(top.get("name"), defaultName(reader.file()));
        if (name.isBlank()) {
            reader.error(top.get("name"), "must not be empty");
        }
        String description = reader.string(top.get("description"), "");
        long seed = reader.integer(top.get("seed"), 1L, 0L, Long.MAX_VALUE);
        int replications = (int) reader.integer(top.get("replications"), 1, 1, Scenario.MAX_REPLICATIONS);
        Duration duration = reader.duration(top.get("duration"), null, ONE_NANO);
        Duration interval = top.containsKey("interval")
                ? reader.duration(top.get("interval"), null, ONE_NANO) : Duration.ofSeconds(1);
        if (duration != null && interval != null) {
            SourceNode at = top.containsKey("interval") ? top.get("interval") : top.get("duration");
            if (interval.compareTo(duration) > 0) {
                reader.error(at, "the interval (" + DurationText.format(interval) + ") must not be longer than the "
                        + "duration (" + DurationText.format(duration) + ")");
                interval = null;
            } else if (duration.toNanos() / interval.toNanos() > MAX_INTERVALS) {
                reader.error(at, "the run would have " + duration.toNanos() / interval.toNanos()
                        + " intervals of " + DurationText.format(interval) + "; at most " + MAX_INTERVALS
                        + " are allowed: lengthen the interval");
                interval = null;
            }
        }
        StrategyReader strategies = new StrategyReader(reader,
                new StrategyInheritance(reader, top.get("strategies")));
        Map<String, ServiceConfig> services = top.containsKey("services")
                ? services(top.get("services")) : null;
        List<DownstreamCall> calls = services == null ? List.of()
                : new CallReader(reader, strategies).read(top.get("services"), services.keySet());
        Map<String, Integer> replicas = null;
        if (services != null) {
            replicas = new LinkedHashMap<>();
            for (ServiceConfig service : services.values()) {
                replicas.put(service.name(), service.replicas());
            }
        }
        int errorsBeforeClients = reader.errors().size();
        List<ClientConfig> clients = top.containsKey("clients")
                ? clients(top.get("clients"), replicas, duration) : List.of();
        Set<String> called = null;
        if (reader.errors().size() == errorsBeforeClients) {
            called = new LinkedHashSet<>();
            for (ClientConfig client : clients) {
                called.addAll(client.targets().keySet());
            }
        }
        List<Fault> faults = new FaultReader(reader, distributions).read(top.get("faults"), replicas, duration,
                interval);
        Map<String, StrategyFactory> compared = top.containsKey("strategies")
                ? strategies.read(top.get("strategies"), services == null ? null : services.keySet(), called)
                : Map.of();
        HerdWindow herd = top.containsKey("herd") ? herd(top.get("herd"), duration, faults) : null;
        reader.throwIfAny();
        try {
            return new Scenario(name, description, seed, duration.toNanos(), interval.toNanos(),
                    List.copyOf(services.values()), clients, faults, compared, calls, replications, herd);
        } catch (IllegalArgumentException e) {
            reader.error(root, e.getMessage());
            reader.throwIfAny();
            throw e;
        }
    }

    /**
     * The herd window: {@code at} (default: the end of the fault that starts first, else 0) within
     * the run, {@code before}, {@code after} and {@code bucket}, at most {@value
     * HerdWindow#MAX_BUCKETS} buckets. Null after a mistake.
     */
    private HerdWindow herd(SourceNode node, Duration duration, List<Fault> faults) {
        Map<String, SourceNode> keys = reader.mapping(node, HERD_KEYS, List.of());
        Duration at = reader.duration(keys.get("at"), null, Duration.ZERO);
        Duration before = reader.duration(keys.get("before"), HerdWindow.DEFAULT_BEFORE, Duration.ZERO);
        Duration after = reader.duration(keys.get("after"), HerdWindow.DEFAULT_AFTER, ONE_NANO);
        Duration bucket = reader.duration(keys.get("bucket"), HerdWindow.DEFAULT_BUCKET, ONE_NANO);
        if (at != null && duration != null && at.compareTo(duration) > 0) {
            reader.error(keys.get("at"), "must be within the run (duration " + DurationText.format(duration)
                    + "), found " + keys.get("at").scalar());
            return null;
        }
        if (before == null || after == null || bucket == null) {
            return null;
        }
        long buckets = HerdWindow.buckets(before.toNanos(), after.toNanos(), bucket.toNanos());
        if (buckets > HerdWindow.MAX_BUCKETS) {
            reader.error(keys.containsKey("bucket") ? keys.get("bucket") : node, "the window (before "
                    + DurationText.format(before) + " + after " + DurationText.format(after) + ") would have "
                    + buckets + " buckets of " + DurationText.format(bucket) + "; at most " + HerdWindow.MAX_BUCKETS
                    + " are allowed: widen the bucket or narrow the window");
            return null;
        }
        long instant = at != null ? at.toNanos() : HerdWindow.defaultInstant(faults);
        return new HerdWindow(instant, before.toNanos(), after.toNanos(), bucket.toNanos());
    }

    /**
     * The services by name. Those with mistakes are reported; their names are kept (with a
     * placeholder configuration) so that references to them are not reported as well.
     */
    private Map<String, ServiceConfig> services(SourceNode node) {
        Map<String, ServiceConfig> services = new LinkedHashMap<>();
        Map<String, SourceNode> entries = reader.namedEntries(node);
        if (node.kind() == SourceNode.Kind.MAPPING && entries.isEmpty()) {
            reader.error(node, "must define at least one service, for example api: {workers: 10, serviceTime: 10ms}");
        }
        for (Map.Entry<String, SourceNode> entry : entries.entrySet()) {
            checkName(reader, entry.getValue(), entry.getKey(), "service");
            services.put(entry.getKey(), service(entry.getKey(), entry.getValue()));
        }
        return services;
    }

    private ServiceConfig service(String name, SourceNode node) {
        Map<String, SourceNode> keys = reader.mapping(node, SERVICE_KEYS, List.of("workers", "serviceTime"));
        int replicas = (int) reader.integer(keys.get("replicas"), 1, 1, MAX_REPLICAS);
        int workers = (int) reader.integer(keys.get("workers"), 1, 1, MAX_WORKERS);
        int queue = queue(keys.get("queue"));
        DurationDistribution serviceTime = keys.containsKey("serviceTime")
                ? distributions.read(keys.get("serviceTime")) : null;
        Duration loadCost = reader.duration(keys.get("loadCost"), Duration.ZERO, Duration.ZERO);
        Duration networkDelay = reader.duration(keys.get("networkDelay"), Duration.ZERO, Duration.ZERO);
        boolean cancelOnTimeout = reader.bool(keys.get("cancelOnTimeout"), false);
        String balancing = reader.choice(keys.get("loadBalancing"), LOAD_BALANCING, "round-robin");
        double failureProbability = reader.number(keys.get("failureProbability"), 0.0, 0.0, 1.0);
        String failureKind = reader.choice(keys.get("failureKind"), FailureKinds.NAMES, "unavailable");
        int contendedRows = (int) reader.integer(keys.get("contendedRows"), 0, 0, MAX_ROWS);
        try {
            return new ServiceConfig(name, replicas, workers, queue,
                    serviceTime == null ? DurationDistribution.constant(Duration.ZERO) : serviceTime,
                    loadCost.toNanos(), networkDelay.toNanos(), cancelOnTimeout,
                    LoadBalancing.valueOf(balancing.toUpperCase(Locale.ROOT).replace('-', '_')),
                    failureProbability, FailureKinds.of(failureKind), contendedRows);
        } catch (IllegalArgumentException e) {
            reader.error(node, e.getMessage());
            return ServiceConfig.queue(name, 1, DurationDistribution.constant(Duration.ZERO));
        }
    }

    /** {@code unbounded} (the default) or a whole number of waiting attempts per replica. */
    private int queue(SourceNode node) {
        String text = reader.string(node, null);
        if (text == null || text.trim().equals("unbounded")) {
            return ServiceConfig.UNBOUNDED;
        }
        long max = ServiceConfig.UNBOUNDED - 1L;
        try {
            long capacity = Long.parseLong(text.trim().replace("_", ""));
            if (capacity >= 0 && capacity <= max) {
                return (int) capacity;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reader.error(node, "must be 'unbounded' or a whole number from 0 to " + max + ", found '" + text + "'");
        return ServiceConfig.UNBOUNDED;
    }

    private List<ClientConfig> clients(SourceNode node, Map<String, Integer> services, Duration duration) {
        List<ClientConfig> clients = new ArrayList<>();
        Map<String, SourceNode> entries = reader.namedEntries(node);
        if (node.kind() == SourceNode.Kind.MAPPING && entries.isEmpty()) {
            reader.error(node, "must define a client group, for example agents: {count: 100, target: api, "
                    + "workload: {open: 50/s}, timeout: 1s}");
        }
        for (Map.Entry<String, SourceNode> entry : entries.entrySet()) {
            checkName(reader, entry.getValue(), entry.getKey(), "client group");
            ClientConfig client = client(entry.getKey(), entry.getValue(), services, duration);
            if (client != null) {
                clients.add(client);
            }
        }
        return clients;
    }

    private ClientConfig client(String name, SourceNode node, Map<String, Integer> services, Duration duration) {
        Map<String, SourceNode> keys = reader.mapping(node, CLIENT_KEYS, List.of("count", "workload", "timeout"));
        int count = (int) reader.integer(keys.get("count"), 1, 1, MAX_CLIENTS);
        Map<String, Double> targets = targets(node, keys, services);
        Workload workload = keys.containsKey("workload") ? workloads.read(keys.get("workload"), duration) : null;
        Duration timeout = reader.duration(keys.get("timeout"), null, ONE_NANO);
        Duration deadline = reader.duration(keys.get("deadline"), Duration.ZERO, ONE_NANO);
        int pool = pool(keys.get("pool"));
        if (targets == null || workload == null || timeout == null) {
            return null;
        }
        try {
            return new ClientConfig(name, count, targets, workload, timeout.toNanos(), deadline.toNanos(), pool);
        } catch (IllegalArgumentException e) {
            reader.error(node, e.getMessage());
            return null;
        }
    }

    /**
     * The group's services with their shares: {@code target} (one service, all requests) or
     * {@code targets} (services with positive shares adding up to 100%), exactly one of the two;
     * null when wrong (reported).
     */
    private Map<String, Double> targets(SourceNode group, Map<String, SourceNode> keys, Map<String, Integer> services) {
        if (keys.containsKey("target") && keys.containsKey("targets")) {
            reader.error(keys.get("targets"), "give either target (one service) or targets (several, with their "
                    + "shares), not both");
            return null;
        }
        if (keys.containsKey("target")) {
            String target = reader.string(keys.get("target"), null);
            return target != null && defined(keys.get("target"), target, services) ? Map.of(target, 1.0) : null;
        }
        if (!keys.containsKey("targets")) {
            if (group.kind() == SourceNode.Kind.MAPPING) {
                reader.error(group, "the key 'target' is required here (or 'targets', for several services)");
            }
            return null;
        }
        SourceNode node = keys.get("targets");
        if (node.kind() != SourceNode.Kind.MAPPING || node.mapping().isEmpty()) {
            reader.error(node, "must map services to their shares of the requests, for example "
                    + "{db: 50%, api: 30%, model: 20%}; found "
                    + (node.kind() == SourceNode.Kind.MAPPING ? "an empty mapping" : node.describe()));
            return null;
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        boolean valid = true;
        double sum = 0.0;
        for (Map.Entry<String, SourceNode> entry : node.mapping().entrySet()) {
            valid &= defined(entry.getValue(), entry.getKey(), services);
            double share = reader.number(entry.getValue(), Double.NaN, 0.0, 1.0);
            if (share == 0.0) {
                reader.error(entry.getValue(), "must be above 0%: leave out a service that gets no requests");
            }
            valid &= share > 0.0;
            sum += share;
            shares.put(entry.getKey(), share);
        }
        if (valid && Math.abs(sum - 1.0) > ClientConfig.SHARE_TOLERANCE) {
            reader.error(node, "the shares add up to " + percent(sum) + "; they must add up to 100%");
            valid = false;
        }
        return valid ? shares : null;
    }

    /** True when {@code service} is defined, or the services are unknown; otherwise reports it at {@code at}. */
    private boolean defined(SourceNode at, String service, Map<String, Integer> services) {
        if (services == null || services.containsKey(service)) {
            return true;
        }
        reader.error(at, "names service '" + service + "', which is not defined"
                + SpecReader.suggestion(service, services.keySet()) + "; defined services: "
                + String.join(", ", services.keySet()));
        return false;
    }

    /** {@code 0.9} as {@code 90%}, with up to four decimals. */
    private static String percent(double fraction) {
        return BigDecimal.valueOf(fraction * 100).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + "%";
    }

    /** {@code unlimited} (the default) or a whole number of attempts outstanding at once. */
    private int pool(SourceNode node) {
        String text = reader.string(node, null);
        if (text == null || text.trim().equals("unlimited")) {
            return ClientConfig.UNLIMITED_POOL;
        }
        try {
            long size = Long.parseLong(text.trim().replace("_", ""));
            if (size >= 1 && size <= MAX_POOL) {
                return (int) size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reader.error(node, "must be 'unlimited' or a whole number from 1 to " + MAX_POOL + ", found '" + text + "'");
        return ClientConfig.UNLIMITED_POOL;
    }
}
