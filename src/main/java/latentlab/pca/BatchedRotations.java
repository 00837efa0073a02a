package latentlab.pca;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.math.DoubleKernels;
import org.ejml.dense.row.decomposition.eig.symm.SymmetricQREigenHelper_DDRM;

/** EJML's QR helper, with the rotations of Q^T recorded and applied in parallel batches. */
final class BatchedRotations extends SymmetricQREigenHelper_DDRM {
    /** Rotations recorded before they are applied: ~20 batches for MNIST, each a cancellation point. */
    private static final int BATCH = 16_384;
    /**
     * Column ranges a batch of rotations is applied to, handed out to the threads: a few per thread, so that a
     * descheduled thread holds up little, but wide enough (~180 doubles) for the inner loop to run at speed.
     */
    private static final int ROTATION_BLOCKS = 4;

    private final double[][] rows;
    private final ComputePool pool;
    private final Progress progress;
    private final int[] rowA = new int[BATCH];
    private final int[] rowB = new int[BATCH];
    private final double[] cos = new double[BATCH];
    private final double[] sin = new double[BATCH];
    private final int[] chainStart = new int[BATCH];
    private final int[] chainLength = new int[BATCH];
    private int count;

    BatchedRotations(double[][] rows, ComputePool pool, Progress progress) {
        this.rows = rows;
        this.pool = pool;
        this.progress = progress;
    }

    /** EJML's rotation: (row m, row n) of Q^T becomes (c row_m + s row_n, -s row_m + c row_n). */
    @Override
    protected void updateQ(int m, int n, double c, double s) {
        rowA[count] = m;
        rowB[count] = n;
        cos[count] = c;
        sin[count] = s;
        if (++count == BATCH) {
            flush();
        }
    }

    void flush() {
        progress.checkCancelled();
        int batch = count;
        // Chains of rotations of adjacent rows, rows (m, m+1), (m+1, m+2), ...: the bulge chases of the QR steps.
        int chains = 0;
        for (int r = 0; r < batch; ) {
            int start = r;
            if (rowB[r] == rowA[r] + 1) {
                while (r + 1 < batch && rowA[r + 1] == rowA[r] + 1 && rowB[r + 1] == rowA[r + 1] + 1) {
                    r++;
                }
            }
            r++;
            chainStart[chains] = start;
            chainLength[chains++] = r - start;
        }
        int chainCount = chains;
        int width = rows.length;
        // Column ranges on 8-double (cache line) boundaries, so the threads never write the same line.
        int lines = (width + 7) / 8;
        int blocks = pool.threads() == 1 ? 1 : ROTATION_BLOCKS;
        int linesPerBlock = (lines + blocks - 1) / blocks;
        DoubleKernels kern = DoubleKernels.get();
        pool.parallelFor(lines, linesPerBlock, (l0, l1) -> {
            int c0 = Math.min(width, l0 * 8);
            int c1 = Math.min(width, l1 * 8);
            for (int ch = 0; ch < chainCount; ch++) {
                int r = chainStart[ch];
                if (rowB[r] == rowA[r] + 1) {
                    kern.rotateChain(rows, rowA[r], chainLength[ch], cos, sin, r, c0, c1);
                } else {
                    kern.rotate(rows[rowA[r]], rows[rowB[r]], c0, c1, cos[r], sin[r]);
                }
            }
        });
        count = 0;
    }
}
