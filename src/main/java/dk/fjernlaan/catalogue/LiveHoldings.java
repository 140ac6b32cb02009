package dk.fjernlaan.catalogue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.platform.FjernlaanSettings;
import dk.fjernlaan.platform.time.FjernlaanClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import org.apache.hc.client5.http.HttpResponseException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Availability from where each library keeps it: the embedded store, or the library's own system asked live over
 * ISO 20775 ({@link HoldingsSources}). One decision asks every live library at once (one request per library
 * system, for all its branches and the records), each within its own timeout and all within the decision's
 * budget; answers are kept for a short while, so that the next lender's re-check does not ask again; a library
 * system that keeps failing is skipped at once (a circuit breaker per library) until it recovers. A holder that
 * timed out or failed is reported as such, never as holding nothing. Lookups, their outcome and latency are
 * metrics ({@code fjernlaan.holdings.lookups}, tagged by library and outcome).
 */
@Primary
@Component
class LiveHoldings implements HoldingsPort {

    public static final String LOOKUPS = "fjernlaan.holdings.lookups";

    private static final Logger log = LoggerFactory.getLogger(LiveHoldings.class);

    private final EmbeddedHoldings embedded;
    private final HoldingsSources sources;
    private final DirectoryService directory;
    private final MeterRegistry meters;
    private final Iso20775Reader reader;
    private final CloseableHttpClient http;
    private final ExecutorService pool;
    private final CircuitBreakerRegistry breakers;
    private final Cache<String, List<HoldingItem>> answers;

    LiveHoldings(EmbeddedHoldings embedded, HoldingsSources sources, DirectoryService directory, MeterRegistry meters, FjernlaanClock clock,
                 FjernlaanSettings settings) {
        this.embedded = embedded;
        this.sources = sources;
        this.directory = directory;
        this.meters = meters;
        this.reader = new Iso20775Reader(clock.zone());
        FjernlaanSettings.Holdings config = settings.holdings();
        this.pool = Executors.newFixedThreadPool(config.parallelism(), r -> {
            Thread thread = new Thread(r, "holdings-lookup");
            thread.setDaemon(true);
            return thread;
        });
        // blocking calls on the pool's threads over kept-alive connections: per lookup far less work than an
        // asynchronous client's hand-overs, which is most of a decision's time when 100 systems are asked
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(config.parallelism() * 4).setMaxConnPerRoute(config.parallelism())
            .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
            .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                .setValidateAfterInactivity(TimeValue.ofSeconds(2)).build())
            .build();
        this.http = HttpClients.custom().setConnectionManager(connections).disableRedirectHandling().disableAutomaticRetries()
            .disableCookieManagement().evictIdleConnections(TimeValue.ofSeconds(30)).build();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(config.breakerWindow())
            .minimumNumberOfCalls(config.breakerWindow())
            .failureRateThreshold(50)
            .waitDurationInOpenState(config.breakerOpenFor())
            .permittedNumberOfCallsInHalfOpenState(1)
            .build());
        this.answers = Caffeine.newBuilder().expireAfterWrite(config.cacheTtl()).maximumSize(20_000).build();
    }

    @Override
    public Collection<String> holders(Collection<String> pids) {
        return embedded.holders(pids);
    }

    @Override
    public Map<String, HolderAnswer> availability(Collection<String> branchIds, Collection<String> pids, Duration budget) {
        Map<String, HoldingsSource> live = sources.live();
        if (live.isEmpty()) {
            return embedded.availability(branchIds, pids, budget);
        }
        Map<String, Branch> branches = directory.branches(branchIds);
        Map<String, List<String>> remote = new LinkedHashMap<>();
        List<String> local = new ArrayList<>();
        for (String branchId : branchIds) {
            Branch branch = branches.get(branchId);
            if (branch != null && live.containsKey(branch.agencyId())) {
                remote.computeIfAbsent(branch.agencyId(), a -> new ArrayList<>()).add(branchId);
            } else {
                local.add(branchId);
            }
        }
        List<String> asked = pids.stream().sorted().toList();
        long deadline = System.nanoTime() + budget.toNanos();
        Map<String, Future<Lookup>> lookups = new LinkedHashMap<>();
        for (String agencyId : remote.keySet()) {
            HoldingsSource source = live.get(agencyId);
            lookups.put(agencyId, pool.submit(() -> lookup(source, asked)));
        }
        Map<String, HolderAnswer> result = new LinkedHashMap<>(embedded.availability(local, pids, budget));
        for (Map.Entry<String, Future<Lookup>> entry : lookups.entrySet()) {
            HoldingsSource source = live.get(entry.getKey());
            Lookup lookup = await(entry.getValue(), source, deadline);
            Map<String, List<HoldingItem>> byBranch = lookup.items() == null ? Map.of()
                : lookup.items().stream().collect(Collectors.groupingBy(HoldingItem::branchId));
            for (String branchId : remote.get(entry.getKey())) {
                result.put(branchId, switch (lookup.outcome()) {
                    case ANSWERED -> HolderAnswer.answered(branchId, byBranch.getOrDefault(branchId, List.of()));
                    case TIMED_OUT -> HolderAnswer.timedOut(branchId, Duration.ofMillis(source.timeoutMs()));
                    case FAILED -> HolderAnswer.failed(branchId, Outcome.FAILED);
                });
            }
        }
        return result;
    }

    /** One library system's answer: its items, or how it failed. */
    private record Lookup(Outcome outcome, List<HoldingItem> items) {}

    private Lookup await(Future<Lookup> lookup, HoldingsSource source, long deadline) {
        long wait = Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(source.timeoutMs() + 50L));
        try {
            return lookup.get(Math.max(wait, 0), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            return new Lookup(Outcome.TIMED_OUT, null);
        } catch (ExecutionException e) {
            return new Lookup(Outcome.FAILED, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Lookup(Outcome.FAILED, null);
        }
    }

    private Lookup lookup(HoldingsSource source, List<String> pids) {
        String key = source.agencyId() + " " + String.join(" ", pids);
        List<HoldingItem> cached = answers.getIfPresent(key);
        if (cached != null) {
            count(source, "cached", 0);
            return new Lookup(Outcome.ANSWERED, cached);
        }
        CircuitBreaker breaker = breakers.circuitBreaker(source.agencyId());
        if (!breaker.tryAcquirePermission()) {
            count(source, "skipped", 0);
            return new Lookup(Outcome.FAILED, null);
        }
        long start = System.nanoTime();
        String query = pids.stream().map(p -> "pid=" + URLEncoder.encode(p, StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpGet get = new HttpGet(source.url() + "?" + query);
        get.setHeader("Accept", "application/xml");
        Timeout timeout = Timeout.ofMilliseconds(source.timeoutMs());
        get.setConfig(RequestConfig.custom().setConnectionRequestTimeout(timeout).setResponseTimeout(timeout).build());
        try {
            byte[] body = http.execute(get, response -> {
                if (response.getCode() != 200) {
                    EntityUtils.consume(response.getEntity());
                    throw new HttpResponseException(response.getCode(), "HTTP " + response.getCode());
                }
                return response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            });
            List<HoldingItem> items = reader.read(body, pids);
            long took = System.nanoTime() - start;
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            answers.put(key, List.copyOf(items));
            count(source, "answered", took);
            return new Lookup(Outcome.ANSWERED, items);
        } catch (InterruptedIOException e) {
            // a socket or connection-request timeout, or the decision gave up waiting
            return failed(source, breaker, start, e, Outcome.TIMED_OUT, "timeout");
        } catch (IOException | Iso20775Reader.Garbage e) {
            return failed(source, breaker, start, e, Outcome.FAILED, "error");
        }
    }

    private Lookup failed(HoldingsSource source, CircuitBreaker breaker, long start, Exception e, Outcome outcome, String tag) {
        long took = System.nanoTime() - start;
        breaker.onError(took, TimeUnit.NANOSECONDS, e);
        count(source, tag, took);
        log.info("Holdings of library {} not read ({}): {}", source.agencyId(), tag, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        return new Lookup(outcome, null);
    }

    private void count(HoldingsSource source, String outcome, long nanos) {
        Timer.builder(LOOKUPS).description("Holdings lookups in the libraries' own systems (ISO 20775)")
            .tag("agency", source.agencyId()).tag("outcome", outcome).register(meters).record(nanos, TimeUnit.NANOSECONDS);
    }

    @PreDestroy
    void stop() throws IOException {
        pool.shutdownNow();
        http.close();
    }
}
