package dev.leaderboard.server.ratelimit;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Takes tokens from several buckets at once with one EVALSHA of {@code scripts/token-buckets.lua} (one round trip),
 * on the application's shared Lettuce connection but with a timeout of its own: the connection's 2 s command
 * timeout is right for reads, far too long for a check in front of every request.
 */
final class RedisTokenBuckets {

    private static final String SCRIPT_LOCATION = "scripts/token-buckets.lua";

    private final RedisConnectionFactory connections;
    private final Duration timeout;
    private final byte[] script;
    private final String sha;

    RedisTokenBuckets(RedisConnectionFactory connections, Duration timeout) {
        this.connections = connections;
        this.timeout = timeout;
        this.script = read(SCRIPT_LOCATION);
        this.sha = sha1Hex(script);
    }

    /** @throws LimiterUnavailableException when Redis did not answer in time or failed */
    Outcome take(List<Take> takes) {
        byte[][] keys = new byte[takes.size()][];
        byte[][] args = new byte[takes.size() * 3][];
        for (int i = 0; i < takes.size(); i++) {
            Take take = takes.get(i);
            keys[i] = bytes(take.key());
            args[3 * i] = bytes(Long.toString(take.cost()));
            args[3 * i + 1] = bytes(Long.toString(take.bucket().burst()));
            args[3 * i + 2] = bytes(Double.toString(take.bucket().microsPerToken()));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (RedisConnection connection = connections.getConnection()) {
            if (!(connection.getNativeConnection() instanceof RedisClusterAsyncCommands<?, ?> nativeCommands)) {
                throw new LimiterUnavailableException("the rate limiter needs a Lettuce connection", null);
            }
            @SuppressWarnings("unchecked")
            RedisClusterAsyncCommands<byte[], byte[]> commands =
                    (RedisClusterAsyncCommands<byte[], byte[]>) nativeCommands;
            List<Object> reply;
            try {
                reply = await(commands.evalsha(sha, ScriptOutputType.MULTI, keys, args), deadline);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RedisNoScriptException)) {
                    throw new LimiterUnavailableException("the rate limit script failed", e.getCause());
                }
                // First call on this Redis (or after a restart or SCRIPT FLUSH): EVAL also caches the script.
                try {
                    reply = await(commands.eval(script, ScriptOutputType.MULTI, keys, args), deadline);
                } catch (ExecutionException again) {
                    throw new LimiterUnavailableException("the rate limit script failed", again.getCause());
                }
            }
            return Outcome.from(reply, takes.size());
        } catch (LimiterUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new LimiterUnavailableException("Redis is unavailable", e);
        }
    }

    private static List<Object> await(RedisFuture<List<Object>> reply, long deadline) throws ExecutionException {
        try {
            return reply.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reply.cancel(true);   // a cancelled command queued while disconnected is never sent
            throw new LimiterUnavailableException("Redis did not answer within the rate limiter's timeout", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply.cancel(true);
            throw new LimiterUnavailableException("interrupted while waiting for Redis", e);
        }
    }

    /** Tokens to take from one bucket. */
    record Take(String key, long cost, RateLimitProperties.Bucket bucket) {
    }

    /** One bucket after the call: tokens left, ms until this request would have fit, ms until full again. */
    record BucketState(long remaining, long waitMillis, long fullInMillis) {
    }

    /** Whether every bucket had the tokens (then all were taken; otherwise none), and each bucket's state. */
    record Outcome(boolean allowed, List<BucketState> states) {

        static Outcome from(List<Object> reply, int buckets) {
            if (reply == null || reply.size() != 1 + 3 * buckets) {
                throw new LimiterUnavailableException("unexpected reply from the rate limit script: " + reply, null);
            }
            List<BucketState> states = new ArrayList<>(buckets);
            for (int i = 0; i < buckets; i++) {
                states.add(new BucketState(number(reply.get(1 + 3 * i)), number(reply.get(2 + 3 * i)),
                        number(reply.get(3 + 3 * i))));
            }
            return new Outcome(number(reply.get(0)) == 1, List.copyOf(states));
        }

        private static long number(Object value) {
            if (value instanceof Long number) {
                return number;
            }
            throw new LimiterUnavailableException("unexpected value from the rate limit script: " + value, null);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(String location) {
        try (var in = new ClassPathResource(location).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    private static String sha1Hex(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
