package org.moodbox.cli;

import java.util.Optional;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options whose default comes from the environment, in one table: {@code --data} from {@value
 * ProcessEnvironment#DATA}, and the research-data options of the benchmarks from {@value
 * ProcessEnvironment#SHARED_DATA}. An option given on the command line always wins; an unset variable leaves the
 * command's own default.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {
    /** The FER-2013 folder inside the shared data. */
    static final String FER_FOLDER = "fer2013";
    /** The music table the recommender benchmark draws its synthetic catalog from. */
    static final String[] MUSIC_TABLE = {"music", "catalog_tidytuesday_unique_tracks.csv.gz"};

    private final ProcessEnvironment environment;

    public EnvironmentDefaults(ProcessEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option)) {
            return null;
        }
        Optional<?> value = switch (option.longestName()) {
            case "--data" -> environment.get(ProcessEnvironment.DATA);
            case "--fer" -> environment.sharedData(FER_FOLDER);
            case "--distribution" -> environment.sharedData(MUSIC_TABLE[0], MUSIC_TABLE[1]);
            default -> Optional.empty();
        };
        return value.map(Object::toString).orElse(null);
    }
}
