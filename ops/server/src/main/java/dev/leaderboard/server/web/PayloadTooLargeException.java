package dev.leaderboard.server.web;

import java.io.IOException;

/** Raised while reading a body that grows past the limit; an IOException so parsers pass it up as the cause. */
public class PayloadTooLargeException extends IOException {
    PayloadTooLargeException(long limit) {
        super("request body is larger than " + limit + " bytes");
    }
}
