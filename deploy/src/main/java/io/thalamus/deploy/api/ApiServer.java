package io.thalamus.deploy.api;

import io.thalamus.network.format.TopologyJson;
import io.thalamus.network.topology.Topology;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import java.util.concurrent.TimeUnit;

/** The Vert.x HTTP server: REST API and dashboard on 127.0.0.1. Handlers stay thin and never block. */
public final class ApiServer implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer server;

    private ApiServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** Starts listening on 127.0.0.1:{@code port} (0 for a free port) and returns once bound. */
    public static ApiServer start(int port, Topology topology) {
        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        String topologyJson = TopologyJson.write(topology);
        router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        router.get("/api/topology").handler(ctx -> ctx.response()
                .putHeader("content-type", "application/json").end(topologyJson));
        router.route().failureHandler(ctx -> {
            int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            ctx.response().setStatusCode(status).putHeader("content-type", "application/problem+json")
                    .end(new JsonObject().put("status", status)
                            .put("title", status == 404 ? "Not Found" : "Error")
                            .put("detail", ctx.failure() == null ? "" : String.valueOf(ctx.failure().getMessage()))
                            .encode());
        });
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(router)
                    .listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new ApiServer(vertx, server);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // shutting down anyway
        }
    }
}
