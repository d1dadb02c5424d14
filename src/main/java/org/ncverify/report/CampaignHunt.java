package org.ncverify.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ncverify.claims.Catalogue;
import org.ncverify.hunt.Hunt;
import org.ncverify.hunt.HuntListener;
import org.ncverify.hunt.HuntOptions;
import org.ncverify.hunt.HuntState;
import org.ncverify.hunt.HuntSummary;
import org.ncverify.hunt.Journal;
import org.ncverify.hunt.Shard;

/**
 * A campaign's hunt, in-process: exactly the hunt of {@link HuntStep#command} (random
 * strategy, default batch, no optimizer; the journal is a function of these options alone,
 * whatever the threads), journalled to a temporary file that is deleted afterwards (the
 * report keeps the findings, not the journal). Each distinct finding, with its count and its
 * replay command, becomes a {@link HuntFindingRow}.
 */
final class CampaignHunt {
    private CampaignHunt() {
    }

    /** The distinct findings of {@code step} judged by {@code catalogue} at {@code digits} on {@code threads} threads. */
    static List<HuntFindingRow> run(HuntStep step, Catalogue catalogue, int digits, int threads) {
        HuntOptions options = new HuntOptions(step.profile(), step.count(), 0, step.seed(), digits, List.of(),
            HuntOptions.Search.RANDOM, false, List.of(), HuntOptions.DEFAULT_BATCH, Shard.ALL);
        Hunt hunt = new Hunt(options, catalogue, threads);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ncverify-campaign-hunt");
            Path journal = dir.resolve(options.journalName());
            HuntSummary summary = hunt.run(Journal.create(journal, hunt.header()), new HuntState(), HuntListener.NONE,
                () -> Thread.currentThread().isInterrupted());
            if (summary.errors() > 0) {
                throw new IllegalStateException(step.source() + ": " + summary.errors() + " instance(s) whose judgement threw");
            }
            return summary.findings().stream().map(f -> HuntFindingRow.of(step.source(), f)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("campaign hunt: cannot create its temporary journal: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary file left in java.io.tmpdir; nothing of the user's
        }
    }
}
