package io.thalamus.deploy.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problem details: every API error is one of these, as {@code application/problem+json}. */
public final class Problem {

    /** Base of the problem type URIs. */
    public static final String TYPE_BASE = "https://thalamus.io/problems/";

    private final JsonObject body = new JsonObject();

    private Problem(int status, String type, String title, String detail) {
        body.put("type", TYPE_BASE + type).put("title", title).put("status", status).put("detail", detail);
    }

    /** A problem with a status, a type slug, a title and a detail sentence. */
    public static Problem of(int status, String type, String title, String detail) {
        return new Problem(status, type, title, detail);
    }

    /** Adds one entry to the {@code errors} extension: the JSON pointer of a bad field and what is wrong. */
    public Problem error(String pointer, String detail) {
        JsonArray errors = body.getJsonArray("errors");
        if (errors == null) {
            errors = new JsonArray();
            body.put("errors", errors);
        }
        errors.add(new JsonObject().put("pointer", pointer).put("detail", detail));
        return this;
    }

    /** Adds an entry naming a bad query parameter. */
    public Problem parameter(String name, String detail) {
        JsonArray errors = body.getJsonArray("errors");
        if (errors == null) {
            errors = new JsonArray();
            body.put("errors", errors);
        }
        errors.add(new JsonObject().put("parameter", name).put("detail", detail));
        return this;
    }

    /** Adds an extension member. */
    public Problem with(String member, Object value) {
        body.put(member, value);
        return this;
    }

    /** Ends the request with this problem. */
    public void send(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        body.put("instance", ctx.request().path());
        ctx.response().setStatusCode(body.getInteger("status"))
                .putHeader("content-type", "application/problem+json").end(body.encode());
    }

    /** The JSON body. */
    public JsonObject json() {
        return body;
    }
}
