package dev.leaderboard.server.fuzz;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Item 6 of issue 8: 10,000 generated requests over every endpoint of {@link EndpointCatalogue} against one real
 * server, each checked by {@link ResponseRules}. A failure prints the original and the shrunk request; add the
 * shrunk one to {@code src/test/resources/fuzz/corpus.json} with the fix, so it is replayed on every build.
 */
class EveryEndpointFuzzTest {

    @AddLifecycleHook(FuzzRunSettings.class)
    // edge cases off: they would mix the first endpoints of the catalogue into a quarter of all tries
    @Property(tries = 10_000, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void noRequestIsAnsweredWithA5xxAndEveryRefusalIsAProblemThatChangesNothing(
            @ForAll("requests") FuzzRequest request) {
        int status = ResponseRules.sendAndCheck(FuzzServer.get(), request);
        Statistics.label("status").collect(status / 100 + "xx");
        Statistics.label("endpoint and status").collect(
                request.endpoint().substring(0, request.endpoint().indexOf(',')), status / 100 + "xx");
    }

    @Provide
    Arbitrary<FuzzRequest> requests() {
        return FuzzRequests.any();
    }
}
