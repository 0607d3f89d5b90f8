package dev.leaderboard.platform;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.stream.Collectors;

/** Says what is wrong with a JSON document a client sent, naming the field but never an internal class. */
public final class JsonReadErrors {

    private JsonReadErrors() {
    }

    public static String describe(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            String path = ((JsonMappingException) cause).getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return path.isEmpty() ? "the request body has the wrong shape" : "field '" + path + "' has the wrong type";
        }
        return "the request body is not valid JSON";
    }
}
