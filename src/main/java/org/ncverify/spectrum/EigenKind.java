package org.ncverify.spectrum;

/** How an eigenvalue mu_i = s_i^2 of Yhat Yhat^T = diag(n) - n n^T/N arises. */
public enum EigenKind {
    /** The root of the secular equation strictly between two consecutive distinct sizes. */
    SECULAR_ROOT,
    /** A size c repeated m times: mu = c exactly, with multiplicity m - 1. */
    TIED_SIZE,
    /** mu_K = 0 exactly, with left null vector 1_K / sqrt(K). */
    ZERO
}
