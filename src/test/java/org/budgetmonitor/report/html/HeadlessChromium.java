package org.budgetmonitor.report.html;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Debian's headless Chromium driven over the DevTools protocol (a WebSocket on a loopback port).
 * {@code --window-size} alone cannot show a phone: the headless window is never narrower than
 * 500 px, so a 390 px screenshot is a crop of a 500 px layout. Emulating the device metrics gives
 * a real 390 px viewport that honours the page's {@code <meta name="viewport">}, as a phone does.
 */
final class HeadlessChromium implements AutoCloseable {

    /** What a page looked like at one viewport size. */
    record Shot(int innerWidth, int scrollWidth, byte[] png, byte[] fullPagePng) {
    }

    private static final Pattern ENDPOINT = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ObjectMapper json = new ObjectMapper();
    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> events = new ConcurrentHashMap<>();

    /** The browser's executable, if installed: Debian's {@code chromium} (or {@code $CHROMIUM}). */
    static Optional<Path> executable() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            for (String name : new String[] {"chromium", "chromium-browser"}) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    HeadlessChromium(Path executable, Path profile) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--allow-file-access-from-files", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile.toAbsolutePath(), "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String endpoint = endpoint(process);
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(URI.create(endpoint), new Listener()).join();
    }

    /** Reads the browser's stderr until it names its DevTools endpoint; the rest is drained and dropped. */
    private static String endpoint(Process process) throws IOException, InterruptedException {
        CompletableFuture<String> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                StringBuilder seen = new StringBuilder();
                String line;
                while ((line = err.readLine()) != null) {
                    Matcher m = ENDPOINT.matcher(line);
                    if (m.find()) {
                        found.complete(m.group(1));
                    } else if (!found.isDone() && seen.length() < 4000) {
                        seen.append(line).append('\n');
                    }
                }
                found.completeExceptionally(new IOException("chromium exited without a DevTools endpoint:\n" + seen));
            } catch (IOException e) {
                found.completeExceptionally(e);
            }
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return found.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("chromium did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Opens {@code page} in a fresh tab of {@code width}×{@code height} CSS pixels (a phone when
     * narrower than 600: mobile emulation with its viewport meta honoured), waits for it to load and
     * returns the widths, a screenshot of the viewport and one of the whole page.
     */
    Shot open(Path page, int width, int height) throws Exception {
        String targetId = call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        String session = call(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
                .get("sessionId").asText();
        try {
            call(session, "Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", width < 600));
            call(session, "Page.enable", Map.of());
            CompletableFuture<JsonNode> loaded = new CompletableFuture<>();
            events.put(session + "/Page.loadEventFired", loaded);
            call(session, "Page.navigate", Map.of("url", page.toUri().toString()));
            loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            // Web fonts finish after the load event; measure and shoot the page as it finally lays out.
            evaluate(session, "document.fonts.ready.then(() => true)");
            int inner = evaluate(session, "window.innerWidth").asInt();
            int scroll = evaluate(session, "document.documentElement.scrollWidth").asInt();
            byte[] png = Base64.getDecoder().decode(
                    call(session, "Page.captureScreenshot", Map.of("format", "png")).get("data").asText());
            int fullHeight = evaluate(session, "document.documentElement.scrollHeight").asInt();
            byte[] full = Base64.getDecoder().decode(call(session, "Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", fullHeight, "scale", 1))).get("data").asText());
            return new Shot(inner, scroll, png, full);
        } finally {
            call(null, "Target.closeTarget", Map.of("targetId", targetId));
        }
    }

    private JsonNode evaluate(String session, String expression) throws Exception {
        JsonNode result = call(session, "Runtime.evaluate",
                Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException(expression + ": " + result.get("exceptionDetails"));
        }
        return result.get("result").get("value");
    }

    private JsonNode call(String session, String method, Map<String, Object> params) throws Exception {
        JsonNode answer = send(session, method, params).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + ": " + answer.get("error"));
        }
        return answer.get("result");
    }

    private CompletableFuture<JsonNode> send(String session, String method, Map<String, Object> params)
            throws IOException {
        int id = ids.incrementAndGet();
        ObjectNode message = json.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", json.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        socket.sendText(json.writeValueAsString(message), true).join();
        return reply;
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = json.readTree(text);
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> reply = replies.remove(message.get("id").asInt());
                        if (reply != null) {
                            reply.complete(message);
                        }
                    } else if (message.has("method")) {
                        String key = message.path("sessionId").asText("") + "/" + message.get("method").asText();
                        CompletableFuture<JsonNode> waiting = events.remove(key);
                        if (waiting != null) {
                            waiting.complete(message);
                        }
                    }
                } catch (IOException e) {
                    replies.values().forEach(r -> r.completeExceptionally(e));
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            send(null, "Browser.close", Map.of()); // no answer to wait for: the browser goes
        } catch (Exception e) {
            // Already gone: stopped below either way.
        }
        socket.abort();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
