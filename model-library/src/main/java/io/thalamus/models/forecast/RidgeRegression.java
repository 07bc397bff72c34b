package io.thalamus.models.forecast;

/** Linear least squares with an L2 penalty, solved through the normal equations (small, dense problems). */
public final class RidgeRegression {

    private RidgeRegression() {
    }

    /**
     * Coefficients β minimising |Xβ - y|² + λ·|β without column 0|² (column 0 is the unpenalised intercept
     * when {@code interceptFirst}).
     */
    public static double[] fit(double[][] x, double[] y, double lambda, boolean interceptFirst) {
        int p = x[0].length;
        double[][] a = new double[p][p + 1];
        for (int r = 0; r < x.length; r++) {
            double[] row = x[r];
            for (int i = 0; i < p; i++) {
                double xi = row[i];
                if (xi == 0) {
                    continue;
                }
                for (int j = i; j < p; j++) {
                    a[i][j] += xi * row[j];
                }
                a[i][p] += xi * y[r];
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                a[i][j] = a[j][i];
            }
            if (!(interceptFirst && i == 0)) {
                a[i][i] += lambda;
            }
        }
        return solve(a, p);
    }

    /** Gaussian elimination with partial pivoting on an augmented p×(p+1) matrix; singular directions get 0. */
    static double[] solve(double[][] a, int p) {
        for (int c = 0; c < p; c++) {
            int piv = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            if (Math.abs(a[c][c]) < 1e-12) {
                continue;
            }
            for (int r = c + 1; r < p; r++) {
                double f = a[r][c] / a[c][c];
                if (f != 0) {
                    for (int k = c; k <= p; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] b = new double[p];
        for (int c = p - 1; c >= 0; c--) {
            if (Math.abs(a[c][c]) < 1e-12) {
                b[c] = 0;
                continue;
            }
            double s = a[c][p];
            for (int k = c + 1; k < p; k++) {
                s -= a[c][k] * b[k];
            }
            b[c] = s / a[c][c];
        }
        return b;
    }
}
