package io.thalamus.sdnrouter.admission;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.DoubleLinearExpr;
import com.google.ortools.sat.LinearExpr;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link MipBackend} on CP-SAT. CP-SAT needs integer coefficients, so every constraint and objective is
 * multiplied by the smallest power of ten (up to 10^9) that makes it integral; when none does, capacities
 * are rounded conservatively (answers stay feasible) and the backend reports itself approximate.
 */
final class CpSatBackend implements MipBackend {

    private static final double MAX_COEF = 1e15;

    private final CpModel model = new CpModel();
    private final List<BoolVar> vars = new ArrayList<>();
    private final int workers;
    private final int seed;
    private final boolean cpuClock;
    private boolean approximate;

    CpSatBackend(int workers, int seed) {
        this(workers, seed, false);
    }

    /**
     * With {@code cpuClock}, a limit of t seconds means t seconds of each of the {@code workers} threads: the
     * search is stopped once the process has used {@code t * workers} CPU seconds since the call began (polled
     * every 10 ms), i.e. t seconds of wall time on {@code workers} dedicated cores; the wall-clock limit is then
     * only a safety net at 20 times that.
     */
    CpSatBackend(int workers, int seed, boolean cpuClock) {
        OrToolsNatives.load();
        this.workers = workers;
        this.seed = seed;
        this.cpuClock = cpuClock;
    }

    @Override
    public String name() {
        return "cp-sat";
    }

    @Override
    public int variableCount() {
        return vars.size();
    }

    @Override
    public int addBool(String name) {
        vars.add(model.newBoolVar(name));
        return vars.size() - 1;
    }

    /** The power of ten making all numbers integral, or 0 when there is none within range. */
    static double exactScale(double[] numbers) {
        double max = 0;
        for (double x : numbers) {
            if (Double.isFinite(x)) {
                max = Math.max(max, Math.abs(x));
            }
        }
        for (double s = 1; s <= 1e9; s *= 10) {
            if (max * s > MAX_COEF) {
                return 0;
            }
            boolean ok = true;
            for (double x : numbers) {
                if (Double.isFinite(x)) {
                    double y = x * s;
                    if (Math.abs(y - Math.rint(y)) > 1e-9 * Math.max(1, Math.abs(y))) {
                        ok = false;
                        break;
                    }
                }
            }
            if (ok) {
                return s;
            }
        }
        return 0;
    }

    @Override
    public void addConstraint(int[] v, double[] coefs, double lb, double ub, String name) {
        double s = exactScale(coefs);
        long[] c = new long[coefs.length];
        if (s == 0) {
            approximate = true;
            double max = 0;
            for (double x : coefs) {
                max = Math.max(max, Math.abs(x));
            }
            s = 1e9 / max;
            for (int i = 0; i < c.length; i++) {
                // Rounding coefficients up (for <=) keeps every answer feasible for the real model.
                c[i] = (long) Math.ceil(coefs[i] * s);
            }
        } else {
            for (int i = 0; i < c.length; i++) {
                c[i] = Math.round(coefs[i] * s);
            }
        }
        long lo = Double.isInfinite(lb) ? Long.MIN_VALUE : (long) Math.ceil(lb * s - 1e-9 * Math.max(1, Math.abs(lb * s)));
        long hi = Double.isInfinite(ub) ? Long.MAX_VALUE : (long) Math.floor(ub * s + 1e-9 * Math.max(1, Math.abs(ub * s)));
        BoolVar[] bv = new BoolVar[v.length];
        for (int i = 0; i < v.length; i++) {
            bv[i] = vars.get(v[i]);
        }
        model.addLinearConstraint(LinearExpr.weightedSum(bv, c), lo, hi);
    }

    @Override
    public Outcome optimize(int[] v, double[] coefs, boolean maximize, double timeLimitSeconds, double[] hint,
                            double relativeGap) {
        BoolVar[] bv = new BoolVar[v.length];
        for (int i = 0; i < v.length; i++) {
            bv[i] = vars.get(v[i]);
        }
        model.clearObjective();
        double s = exactScale(coefs);
        if (s > 0) {
            long[] c = new long[coefs.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = Math.round(coefs[i] * s);
            }
            if (maximize) {
                model.maximize(LinearExpr.weightedSum(bv, c));
            } else {
                model.minimize(LinearExpr.weightedSum(bv, c));
            }
        } else {
            approximate = true;
            s = 1;
            if (maximize) {
                model.maximize(DoubleLinearExpr.weightedSum((com.google.ortools.sat.IntVar[]) bv, coefs));
            } else {
                model.minimize(DoubleLinearExpr.weightedSum((com.google.ortools.sat.IntVar[]) bv, coefs));
            }
        }
        model.clearHints();
        if (hint != null) {
            for (int i = 0; i < vars.size(); i++) {
                model.addHint(vars.get(i), hint[i] > 0.5);
            }
        }
        CpSolver solver = new CpSolver();
        double limit = Math.max(0.001, timeLimitSeconds);
        solver.getParameters().setMaxTimeInSeconds(cpuClock ? 20 * limit * workers : limit).setNumWorkers(workers)
                .setRandomSeed(seed).setRelativeGapLimit(relativeGap);
        CpSolverStatus status;
        if (cpuClock) {
            ProcessCpuClock cpu = new ProcessCpuClock(workers);
            long budget = (long) (limit * 1e9);
            Thread watchdog = new Thread(() -> {
                try {
                    while (cpu.nanos() < budget) {
                        Thread.sleep(10);
                    }
                    solver.stopSearch();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "cp-sat-cpu-budget");
            watchdog.setDaemon(true);
            watchdog.start();
            try {
                status = solver.solve(model);
            } finally {
                watchdog.interrupt();
            }
        } else {
            status = solver.solve(model);
        }
        if (status == CpSolverStatus.MODEL_INVALID) {
            throw new IllegalStateException("CP-SAT rejected the model: " + model.validate());
        }
        boolean has = status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
        double[] values = null;
        if (has) {
            values = new double[vars.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = solver.booleanValue(vars.get(i)) ? 1 : 0;
            }
        }
        double bound = has ? solver.bestObjectiveBound() / s : Double.NaN;
        return new Outcome(status == CpSolverStatus.OPTIMAL, status == CpSolverStatus.INFEASIBLE, values, bound);
    }

    @Override
    public void fixToZero(int[] v, boolean fixed) {
        for (int i : v) {
            vars.get(i).getBuilder().clearDomain().addDomain(0).addDomain(fixed ? 0 : 1);
        }
    }

    @Override
    public boolean approximate() {
        return approximate;
    }

    @Override
    public void close() {
        // CP-SAT models live on the Java heap; nothing native to free.
    }
}
