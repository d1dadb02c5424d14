package org.ncverify.hunt;

import org.ncverify.claims.Claim;

/** A test claim: an id and a statement, hypotheses "always", judging the reference (no candidate qualification). */
abstract class FixtureClaim implements Claim {
    private final String id;
    private final String statement;

    FixtureClaim(String id, String statement) {
        this.id = id;
        this.statement = statement;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String statement() {
        return statement;
    }

    @Override
    public String hypotheses() {
        return "always";
    }

    @Override
    public boolean judgesCandidate() {
        return false;
    }
}
