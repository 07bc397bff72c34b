package io.thalamus.sdnrouter.admission;

import io.jenetics.Alterer;
import io.jenetics.AltererResult;
import io.jenetics.EliteSelector;
import io.jenetics.Genotype;
import io.jenetics.IntegerChromosome;
import io.jenetics.IntegerGene;
import io.jenetics.Mutator;
import io.jenetics.Phenotype;
import io.jenetics.TournamentSelector;
import io.jenetics.UniformCrossover;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionInit;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.engine.EvolutionStream;
import io.jenetics.engine.Limits;
import io.jenetics.util.ISeq;
import io.jenetics.util.MSeq;
import io.jenetics.util.RandomRegistry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * A genetic algorithm on Jenetics: one integer gene per newcomer, its preferred candidate path (0..k-1)
 * or k for "deferred" (placed after the rest of its class). Every genotype is decoded by the
 * {@link PriorityDecoder}, which repairs it into a feasible, maximal answer, and scored lexicographically
 * (strict) or by weighted value, then shorter paths. The initial population holds the greedy answer
 * (all genes 0), so the GA is never worse than greedy, and three variants of it that steer flows away from
 * the links greedy loads above 99%, 90% and 80%. Seeded; stopped by a wall-clock budget that
 * covers the solve (candidate paths excluded when passed in precomputed) and optionally by a generation count.
 */
public final class GeneticAdmissionSolver implements AdmissionSolver {

    private final long seed;
    private final Duration budget;
    private final int populationSize;
    private final long maxGenerations;
    private final boolean cpuClock;

    /** Seed 0, 1 s budget, population 40, no generation cap. */
    public GeneticAdmissionSolver() {
        this(0, Duration.ofSeconds(1), 40, 0);
    }

    /**
     * @param seed           random seed (same seed and generation cap without a binding budget: same answer)
     * @param budget         wall-clock budget for the solve
     * @param populationSize individuals per generation
     * @param maxGenerations generation cap, 0 for none
     */
    public GeneticAdmissionSolver(long seed, Duration budget, int populationSize, long maxGenerations) {
        this(seed, budget, populationSize, maxGenerations, false);
    }

    /**
     * As {@link #GeneticAdmissionSolver(long, Duration, int, long)}; with {@code cpuClock} the budget counts the
     * CPU time of the solving thread (the GA evaluates single-threaded) instead of wall-clock time.
     */
    public GeneticAdmissionSolver(long seed, Duration budget, int populationSize, long maxGenerations, boolean cpuClock) {
        this.cpuClock = cpuClock;
        this.seed = seed;
        this.budget = Objects.requireNonNull(budget, "budget");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("GA budget must be positive, got " + budget);
        }
        if (populationSize < 2) {
            throw new IllegalArgumentException("population size must be >= 2, got " + populationSize);
        }
        if (maxGenerations < 0) {
            throw new IllegalArgumentException("max generations must be >= 0, got " + maxGenerations);
        }
        this.populationSize = populationSize;
        this.maxGenerations = maxGenerations;
    }

    @Override
    public String name() {
        return "ga";
    }

    @Override
    public AdmissionResult solve(AdmissionProblem problem, CandidatePaths candidates) {
        long start = System.nanoTime();
        ThreadCpuClock cpu = new ThreadCpuClock();
        AdmissionInstance in = new AdmissionInstance(problem, candidates);
        PriorityDecoder decoder = new PriorityDecoder(in);
        int n = in.flowCount();
        int k = problem.k();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("seed", Long.toString(seed));
        params.put("budgetMs", Long.toString(budget.toMillis()));
        params.put("population", Integer.toString(populationSize));
        params.put("candidatePathsMs", Long.toString(candidates.computeMillis()));
        if (n == 0) {
            PriorityDecoder.Decision d = decoder.decode(new int[0]);
            return in.toResult(name(), AdmissionStatus.FEASIBLE, in.routesOf(d.choice()), d.kept(), List.of(),
                    Double.NaN, start, params, List.of("no newcomers: nothing to evolve"));
        }
        long[] generations = {0};
        long budgetNanos = budget.toNanos();
        java.util.function.BooleanSupplier spent = () -> (cpuClock ? cpu.nanos() : System.nanoTime() - start) >= budgetNanos;
        Phenotype<IntegerGene, Score> best = RandomRegistry.with(new Random(seed), r -> {
            Engine<IntegerGene, Score> engine = Engine
                    .builder((Genotype<IntegerGene> g) -> decoder.decode(preferences(g, k)).score(),
                            Genotype.of(IntegerChromosome.of(0, k + 1, n)))
                    .populationSize(populationSize)
                    .executor(Runnable::run)
                    .offspringSelector(new TournamentSelector<>(3))
                    .survivorsSelector(new EliteSelector<>(2))
                    .alterers(new Mutator<>(Math.min(0.05, 2.0 / n)), new UniformCrossover<>(0.3, 0.2),
                            rerouteAlterer(decoder, k, spent))
                    .maximizing()
                    .build();
            Genotype<IntegerGene> greedy = genotype(new int[n], k);
            PriorityDecoder.Decision greedyDecision = decoder.decode(new int[n]);
            List<Genotype<IntegerGene>> seeds = new java.util.ArrayList<>(List.of(greedy));
            for (double threshold : new double[] {0.99, 0.9, 0.8}) {
                seeds.add(genotype(decoder.avoidSaturated(greedyDecision, threshold), k));
            }
            // Memetic start: the best of these seeds improved by re-routing moves, written back as preferences.
            int[] bestSeed = preferences(seeds.get(0), k);
            Score bestSeedScore = greedyDecision.score();
            for (int i = 1; i < seeds.size(); i++) {
                int[] pref = preferences(seeds.get(i), k);
                Score sc = decoder.decode(pref).score();
                if (sc.compareTo(bestSeedScore) > 0) {
                    bestSeed = pref;
                    bestSeedScore = sc;
                }
            }
            long t0 = cpu.nanos();
            PriorityDecoder.Decision rerouted = decoder.decode(bestSeed, true, spent);
            params.put("rerouteStartCpuMs", Long.toString((cpu.nanos() - t0) / 1_000_000L));
            params.put("rerouteStart", java.util.Arrays.toString(rerouted.score().primary()));
            seeds.add(genotype(decoder.preferencesOf(rerouted), k));
            Duration left = budget.minusNanos(cpuClock ? cpu.nanos() : System.nanoTime() - start);
            if (left.toMillis() < 1) {
                left = Duration.ofMillis(1);
            }
            EvolutionStream<IntegerGene, Score> stream = engine.stream(EvolutionInit.of(ISeq.of(seeds), 1L))
                    .limit(cpuClock ? Limits.byExecutionTime(left, cpu) : Limits.byExecutionTime(left));
            if (maxGenerations > 0) {
                stream = stream.limit(Limits.byFixedGeneration(maxGenerations));
            }
            return stream.peek(er -> generations[0]++).collect(EvolutionResult.toBestPhenotype());
        });
        // A last re-routing pass on the best individual (the decoded answer with moves is never worse).
        PriorityDecoder.Decision d = decoder.decode(preferences(best.genotype(), k), true, spent);
        params.put("generations", Long.toString(generations[0]));
        params.put("clock", cpuClock ? "cpu" : "wall");
        params.put("solveCpuMs", Long.toString(cpu.millis()));
        return in.toResult(name(), AdmissionStatus.FEASIBLE, in.routesOf(d.choice()), d.kept(), List.of(), Double.NaN,
                start, params, List.of());
    }

    /** Genes take 0..k (Jenetics' upper bound is exclusive, hence {@code k + 1}); k stands for "deferred". */
    private static Genotype<IntegerGene> genotype(int[] preferences, int k) {
        return Genotype.of(IntegerChromosome.of(java.util.Arrays.stream(preferences)
                .mapToObj(p -> IntegerGene.of(p == PriorityDecoder.DEFERRED ? k : p, 0, k + 1)).toList()));
    }

    /**
     * The memetic step: each generation one offspring, drawn at random, is decoded with re-routing moves
     * ({@link PriorityDecoder#decode(int[], boolean)}) and replaced by the preferences of the improved answer.
     */
    private static Alterer<IntegerGene, Score> rerouteAlterer(PriorityDecoder decoder, int k, java.util.function.BooleanSupplier spent) {
        return (population, generation) -> {
            if (population.isEmpty()) {
                return new AltererResult<>(population.asISeq(), 0);
            }
            int i = RandomRegistry.random().nextInt(population.size());
            Genotype<IntegerGene> g = population.get(i).genotype();
            Genotype<IntegerGene> improved = genotype(decoder.preferencesOf(decoder.decode(preferences(g, k), true, spent)), k);
            MSeq<Phenotype<IntegerGene, Score>> out = MSeq.of(population);
            out.set(i, Phenotype.of(improved, generation));
            return new AltererResult<>(out.toISeq(), 1);
        };
    }

    private static int[] preferences(Genotype<IntegerGene> g, int k) {
        IntegerChromosome c = g.chromosome().as(IntegerChromosome.class);
        int[] p = c.toArray();
        for (int i = 0; i < p.length; i++) {
            if (p[i] == k) {
                p[i] = PriorityDecoder.DEFERRED;
            }
        }
        return p;
    }
}
