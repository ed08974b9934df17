package org.moodbox.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Builds the commands picocli runs. A command that needs the process environment (the appliance's {@code run}
 * and {@code demo}) declares a constructor taking {@link ProcessEnvironment} and gets the one read at start;
 * everything else is built as picocli would.
 */
public final class CommandFactory implements IFactory {
    private final ProcessEnvironment environment;

    public CommandFactory(ProcessEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            Constructor<K> withEnvironment = type.getDeclaredConstructor(ProcessEnvironment.class);
            return withEnvironment.newInstance(environment);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
