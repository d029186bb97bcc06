package org.ganbench.bench;

import org.ganbench.bench.experiment.GanBenchVersion;
import picocli.CommandLine;

/** Version text that {@code --version} prints, on the top command and on every subcommand. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"gan-bench " + GanBenchVersion.get()};
    }
}
