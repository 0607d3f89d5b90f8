package dev.leaderboard.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.server.web.ProblemCorsProcessor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Bearer JWTs with scopes {@code player}, {@code service}, {@code admin} (the {@code scope} claim becomes
 * {@code SCOPE_*} authorities). Every refusal is a problem+json body. Also the browser-facing edges: CORS by
 * property (none by default), security headers everywhere and a Content-Security-Policy on the live page.
 */
@Configuration
@EnableConfigurationProperties({JwtProperties.class, ReadAccessProperties.class})
public class SecurityConfiguration {

    @Bean
    public JwtDecoder jwtDecoder(JwtProperties properties) {
        JwtDecoder verifying = JwtDecoders.from(properties);
        return properties.verifiedCacheSize() <= 0 ? verifying : new CachingJwtDecoder(verifying,
                java.time.Clock.systemUTC(), properties.verifiedCacheSize(), properties.verifiedCacheMaxAge());
    }

    @Bean
    public ProblemResponses problemResponses(ObjectMapper json) {
        return new ProblemResponses(json);
    }

    /**
     * The Authorization header everywhere; on the live stream also an {@code access_token} query parameter, because a
     * browser's EventSource cannot send headers. Nowhere else: tokens in URLs end up in logs.
     */
    @Bean
    public BearerTokenResolver streamAwareTokenResolver() {
        DefaultBearerTokenResolver headerOnly = new DefaultBearerTokenResolver();
        DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();
        headerOrQuery.setAllowUriQueryParameter(true);
        return request -> "GET".equals(request.getMethod()) && request.getRequestURI().matches(STREAM_PATH)
                ? headerOrQuery.resolve(request) : headerOnly.resolve(request);
    }

    private static CorsFilter problemCorsFilter(CorsConfigurationSource corsRules) {
        CorsFilter filter = new CorsFilter(corsRules);
        filter.setCorsProcessor(new ProblemCorsProcessor());
        return filter;
    }

    private static final String STREAM_PATH = "/api/v1/leaderboards/[^/]+/stream";

    private static final String[] PUBLIC_ACTUATOR = {"/health", "/readiness", "/liveness", "/actuator/health",
            "/actuator/health/**", "/actuator/info"};

    /**
     * Public reads without a token (when reads are public): only the response headers and CORS, none of the
     * authentication, session, request-cache or authorization filters, which a request without credentials that
     * everyone may make cannot use. Profiled before: those filters were a quarter of a cached read's CPU.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public SecurityFilterChain tokenlessPublicReads(HttpSecurity http, ReadAccessProperties readAccess,
                                                    @Qualifier("corsConfigurationSource")
                                                    CorsConfigurationSource corsRules) throws Exception {
        RequestMatcher matcher = readAccess.publicReads() ? new TokenlessPublicReads() : request -> false;
        http.securityMatcher(matcher)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.disable())
                .securityContext(c -> c.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .servletApi(a -> a.disable())
                .logout(l -> l.disable())
                .exceptionHandling(e -> e.disable())
                .cors(cors -> cors.disable())
                .addFilterAt(problemCorsFilter(corsRules), CorsFilter.class);
        return securityHeaders(http).build();
    }

    private static HttpSecurity securityHeaders(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers
                .frameOptions(frames -> frames.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .addHeaderWriter(PageSecurityHeaders.contentSecurityPolicy()));
    }

    @Bean
    public SecurityFilterChain api(HttpSecurity http, ReadAccessProperties readAccess, ProblemResponses problems,
                                   @Qualifier("corsConfigurationSource") CorsConfigurationSource corsRules,
                                   BearerTokenResolver tokenResolver)
            throws Exception {
        BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            bearerChallenge.commence(request, response, e); // sets WWW-Authenticate
            problems.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", "a valid bearer token is required");
        };
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Spring Security's own CORS filter, with the refusal as problem+json instead of a text/plain 403
                .cors(cors -> cors.disable())
                .addFilterAt(problemCorsFilter(corsRules), CorsFilter.class);
        securityHeaders(http)
                .authorizeHttpRequests(requests -> {
                    // Probes and the documented health groups are public; every other actuator endpoint (metrics,
                    // prometheus, …) needs the admin scope on the API port, or a management port of its own.
                    requests.requestMatchers(ManagementPort.REQUESTS).permitAll()
                            .requestMatchers(PUBLIC_ACTUATOR).permitAll()
                            .requestMatchers("/actuator", "/actuator/**").hasAuthority("SCOPE_admin")
                            .requestMatchers("/api/v1/admin/**").hasAuthority("SCOPE_admin")
                            .requestMatchers(HttpMethod.POST, "/api/v1/actions", "/api/v1/actions/batch")
                            .hasAnyAuthority("SCOPE_player", "SCOPE_service");
                    if (readAccess.publicReads()) {
                        requests.requestMatchers(HttpMethod.GET, "/api/v1/**").permitAll();
                        // a read sent as a POST: its list of ids does not fit a URL
                        requests.requestMatchers(HttpMethod.POST, "/api/v1/leaderboards/*/rankings/subset",
                                "/api/v1/graphql").permitAll();
                    }
                    requests.requestMatchers("/api/**").authenticated()
                            .anyRequest().permitAll();
                })
                .oauth2ResourceServer(oauth -> oauth
                        .bearerTokenResolver(tokenResolver)
                        .jwt(jwt -> { })
                        .authenticationEntryPoint(unauthorized))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "Forbidden", "the token's scopes do not allow this request")));
        return http.build();
    }
}
