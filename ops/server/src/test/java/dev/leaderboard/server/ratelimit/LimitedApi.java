package dev.leaderboard.server.ratelimit;

import dev.leaderboard.server.support.Api;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** Requests to a server with rate limits on, from a chosen client address, keeping the response headers. */
final class LimitedApi {


    private final Api api;
    private final String forwardedFor;

    /** @param forwardedFor sent as X-Forwarded-For (null: none); only a server that trusts it counts it */
    LimitedApi(Api api, String forwardedFor) {
        this.api = api;
        this.forwardedFor = forwardedFor;
    }

    HttpResponse<String> action(String token) {
        return post("/api/v1/actions", token, "{\"actionId\":\"" + UUID.randomUUID() + "\",\"type\":\"level-up\"}");
    }

    HttpResponse<String> actionFor(String token, String userId) {
        return post("/api/v1/actions", token, "{\"actionId\":\"" + UUID.randomUUID()
                + "\",\"type\":\"level-up\",\"userId\":\"" + userId + "\"}");
    }

    HttpResponse<String> batch(String token, int actions) {
        StringBuilder body = new StringBuilder("{\"actions\":[");
        for (int i = 0; i < actions; i++) {
            body.append(i == 0 ? "" : ",").append("{\"actionId\":\"").append(UUID.randomUUID())
                    .append("\",\"type\":\"level-up\"}");
        }
        return post("/api/v1/actions/batch", token, body.append("]}").toString());
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    private HttpResponse<String> post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = api.request(path, token);
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return Api.exchange(request);
    }
}
