package dev.leaderboard.server.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * A fixed seed by default, so every build sends the same requests; {@code -Dfuzz.seed=random} explores new ones
 * (jqwik prints the seed it used; {@code -Dfuzz.seed=<that seed>} repeats the run), {@code -Dfuzz.tries=N} sets
 * the number of requests.
 */
public class FuzzRunSettings implements AroundPropertyHook {

    static final String DEFAULT_SEED = "8020261202";

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String seed = System.getProperty("fuzz.seed", DEFAULT_SEED);
        if (!"random".equals(seed)) {
            context.attributes().setSeed(seed);
        }
        String tries = System.getProperty("fuzz.tries");
        if (tries != null) {
            context.attributes().setTries(Integer.parseInt(tries));
        }
        return property.execute();
    }

    @Override
    public int aroundPropertyProximity() {
        return -100; // outermost: the attributes must be set before jqwik reads them
    }
}
