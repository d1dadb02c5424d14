package org.ncverify.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ncverify.hunt.HuntSummary;
import org.ncverify.hunt.JournalMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ncverify hunt merge OUT IN...}: the shards' journals of one hunt combined into OUT
 * ({@link JournalMerge}); journals of different hunts, a missing or repeated shard, or an
 * existing OUT are bad input (one line, exit 2). Exit status 0 or 1 as for the hunt.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = "Combine the journals of the shards of one hunt into OUT (findings deduplicated, summary recomputed).")
final class HuntMergeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT", description = "the merged journal (must not exist)")
    Path out;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "IN", description = "the shards' journals")
    List<Path> inputs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        HuntSummary s = JournalMerge.merge(out, inputs);
        spec.commandLine().getOut().print(HuntText.render(s, out));
        spec.commandLine().getOut().flush();
        return HuntCommand.exitStatus(s);
    }
}
