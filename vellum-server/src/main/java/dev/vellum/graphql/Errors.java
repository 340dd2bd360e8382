package dev.vellum.graphql;

import dev.vellum.error.VellumException;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failing field becomes a GraphQL error with REST's stable code in {@code extensions.code} (and the
 * HTTP status REST would have answered, and the field errors); anything unexpected is logged and
 * reported without details.
 */
final class Errors implements DataFetcherExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(Errors.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters p) {
        Throwable e = p.getException();
        while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) e = e.getCause();
        Map<String, Object> extensions = new LinkedHashMap<>();
        String message;
        if (e instanceof VellumException v) {
            message = v.detail();
            extensions.put("code", v.code());
            extensions.put("status", v.status());
            if (!v.errors().isEmpty()) {
                extensions.put("errors", v.errors().stream().map(f -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("field", f.field());
                    m.put("code", f.code());
                    m.put("message", f.message());
                    if (f.position() != null) m.put("position", f.position());
                    return m;
                }).toList());
            }
        } else {
            log.error("unexpected error in GraphQL field {}", p.getPath(), e);
            message = "Something went wrong on our side";
            extensions.put("code", "internal_error");
        }
        var error = GraphqlErrorBuilder.newError().message("%s", message).path(p.getPath()).location(p.getSourceLocation())
                .extensions(extensions).build();
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult().errors(List.of(error)).build());
    }
}
