package io.thalamus.sdnrouter.admission;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;

import java.util.ArrayList;
import java.util.List;

/** {@link MipBackend} on OR-Tools' {@code MPSolver} (SCIP by default); also the source of LP/MPS exports. */
final class ScipBackend implements MipBackend {

    private final MPSolver solver;
    private final String engine;
    private final List<MPVariable> vars = new ArrayList<>();

    ScipBackend(String engine) {
        this(engine, false);
    }

    /** With {@code cpuClock}, SCIP's time limits count CPU seconds ({@code timing/clocktype = 1}). */
    ScipBackend(String engine, boolean cpuClock) {
        OrToolsNatives.load();
        this.engine = engine;
        this.solver = MPSolver.createSolver(engine);
        if (solver == null) {
            throw new IllegalStateException("OR-Tools MPSolver engine '" + engine + "' is not available");
        }
        solver.suppressOutput();
        if (cpuClock && !solver.setSolverSpecificParametersAsString("timing/clocktype = 1\n")) {
            throw new IllegalStateException("SCIP refused timing/clocktype = 1");
        }
    }

    @Override
    public String name() {
        return engine.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public int variableCount() {
        return vars.size();
    }

    @Override
    public int addBool(String name) {
        vars.add(solver.makeBoolVar(name));
        return vars.size() - 1;
    }

    @Override
    public void addConstraint(int[] v, double[] coefs, double lb, double ub, String name) {
        double inf = MPSolver.infinity();
        MPConstraint c = solver.makeConstraint(Double.isInfinite(lb) ? -inf : lb, Double.isInfinite(ub) ? inf : ub, name);
        for (int i = 0; i < v.length; i++) {
            c.setCoefficient(vars.get(v[i]), c.getCoefficient(vars.get(v[i])) + coefs[i]);
        }
    }

    /** Sets an objective without solving (for export). */
    void setObjective(int[] v, double[] coefs, boolean maximize) {
        MPObjective o = solver.objective();
        o.clear();
        for (int i = 0; i < v.length; i++) {
            o.setCoefficient(vars.get(v[i]), o.getCoefficient(vars.get(v[i])) + coefs[i]);
        }
        o.setOptimizationDirection(maximize);
    }

    @Override
    public Outcome optimize(int[] v, double[] coefs, boolean maximize, double timeLimitSeconds, double[] hint,
                            double relativeGap) {
        setObjective(v, coefs, maximize);
        solver.setTimeLimit(Math.max(1L, (long) Math.ceil(timeLimitSeconds * 1000)));
        if (hint != null) {
            solver.setHint(vars.toArray(new MPVariable[0]), hint);
        }
        MPSolverParameters params = new MPSolverParameters();
        params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, Math.max(0, relativeGap));
        MPSolver.ResultStatus status = solver.solve(params);
        params.delete();
        boolean has = status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
        double[] values = null;
        if (has) {
            values = new double[vars.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = vars.get(i).solutionValue();
            }
        }
        double bound = has ? solver.objective().bestBound() : Double.NaN;
        return new Outcome(status == MPSolver.ResultStatus.OPTIMAL, status == MPSolver.ResultStatus.INFEASIBLE, values, bound);
    }

    @Override
    public void fixToZero(int[] v, boolean fixed) {
        for (int i : v) {
            vars.get(i).setBounds(0, fixed ? 0 : 1);
        }
    }

    @Override
    public boolean approximate() {
        return false;
    }

    String exportLp() {
        return solver.exportModelAsLpFormat(false);
    }

    String exportMps() {
        return solver.exportModelAsMpsFormat(false, false);
    }

    @Override
    public void close() {
        solver.delete();
    }
}
