package dk.fjernlaan.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Fjernlån node: the real jar started as a separate process on a database, reached over HTTP, stopped
 * gracefully (SIGTERM) or killed (SIGKILL, as {@code kill -9}).
 */
final class Node {

    static final String ADMIN_PASSWORD = "reliability-admin-secret";

    private final String name;
    private final Path jar;
    private final Path workDir;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private int starts;

    Node(String name, Path jar, Path workDir, Map<String, String> environment, List<String> arguments) throws IOException {
        this.name = name;
        this.jar = jar;
        this.workDir = workDir;
        this.environment = environment;
        this.arguments = arguments;
        this.port = freePort();
        Files.createDirectories(workDir);
    }

    String name() {
        return name;
    }

    /** Starts the node and waits until it says it is ready. @return how long that took */
    Duration start() throws Exception {
        long begin = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
            "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve(name + ".log").toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("FJERNLAAN_SECURITY_ADMIN_PASSWORD", ADMIN_PASSWORD);
        process = builder.start();
        starts++;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting; see " + workDir.resolve(name + ".log"));
            }
            try {
                // UP only when ready: the directory, groups and demo data are loaded
                if (get("/actuator/health").statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - begin);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not start within 3 minutes");
    }

    /** kill -9: no shutdown hook, no graceful anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, and wait until the process has ended. @return how long the stop took */
    Duration stop() throws InterruptedException {
        long begin = System.nanoTime();
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not stop within 90 s");
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    int starts() {
        return starts;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
