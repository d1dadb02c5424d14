package org.ncverify.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ncverify completion}: prints picocli's generated completion script for bash (which zsh
 * runs through bashcompinit) for the whole command tree.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = "Print a bash/zsh completion script for ncverify.",
    footerHeading = "%nInstall:%n",
    footer = {"  source <(ncverify completion)                      (this shell; add the line to ~/.bashrc or ~/.zshrc)",
        "  zsh needs first: autoload -U +X compinit && compinit && autoload -U +X bashcompinit && bashcompinit"})
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
