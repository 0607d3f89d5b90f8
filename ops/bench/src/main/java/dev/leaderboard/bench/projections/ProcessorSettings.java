package dev.leaderboard.bench.projections;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The standings processor's batch size, segments and worker threads the started server runs with: the server's
 * {@code application.yml} (on this jar's class path), overridden by the environment the server inherits and by
 * {@code --server-arg}s, as Spring resolves them. The segment count is cross-checked with the admin status.
 */
public record ProcessorSettings(int batchSize, int segments, int threads) {

    private static final String PREFIX = "leaderboard.projections.";

    public static ProcessorSettings resolve(List<String> serverArguments, Map<String, String> env) {
        Properties yaml = new Properties();
        ClassPathResource resource = new ClassPathResource("application.yml");
        if (resource.exists()) {
            YamlPropertiesFactoryBean factory = new YamlPropertiesFactoryBean();
            factory.setResources(resource);
            yaml = factory.getObject();
        }
        return new ProcessorSettings(
                value("batch-size", 1000, yaml, serverArguments, env),
                value("segments", 4, yaml, serverArguments, env),
                value("threads", 2, yaml, serverArguments, env));
    }

    /** Later sources win: ProjectionProperties' default, application.yml, environment, command line. */
    static int value(String name, int fallback, Properties yaml, List<String> serverArguments,
                     Map<String, String> env) {
        String value = yaml.getProperty(PREFIX + name, Integer.toString(fallback));
        String envName = (PREFIX + name).toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
        String envNameDashed = (PREFIX + name).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        value = env.getOrDefault(envNameDashed, env.getOrDefault(envName, value));
        String camel = camel(name);
        for (String argument : serverArguments) {
            for (String key : new String[]{PREFIX + name, PREFIX + camel}) {
                if (argument.startsWith("--" + key + "=")) {
                    value = argument.substring(key.length() + 3);
                }
            }
        }
        return Integer.parseInt(value.trim());
    }

    private static String camel(String dashed) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : dashed.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
