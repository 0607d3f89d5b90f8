package dev.leaderboard.server.web;

import dev.leaderboard.server.security.ProblemResponses;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Problem+json for the refusals that happen outside Spring MVC's exception handlers: Spring Security's firewall
 * (e.g. {@code ;}, {@code //}, {@code %25}, or an unknown method in the URL), and Tomcat's own refusals; and a
 * check of Content-Type and Accept ahead of Spring MVC, which fails on some malformed ones.
 */
@Configuration
public class ErrorResponsesConfiguration {

    /** Picked up by Spring Security's FilterChainProxy; the default would {@code sendError(400)} without a body. */
    @Bean
    public RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, rejected) -> problems.write(response, HttpStatus.BAD_REQUEST, "Bad request",
                "the request was rejected: its URL, method or headers are not allowed");
    }

    /** Every handler mapping (controllers, actuator, static resources) refuses CORS requests as problem+json. */
    @Bean
    public static BeanPostProcessor problemCorsRefusals() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractHandlerMapping mapping) {
                    mapping.setCorsProcessor(new ProblemCorsProcessor());
                }
                return bean;
            }
        };
    }

    @Bean
    public FilterRegistrationBean<MediaTypeHeadersFilter> mediaTypeHeadersFilter(ProblemResponses problems) {
        FilterRegistrationBean<MediaTypeHeadersFilter> registration = new FilterRegistrationBean<>(
                new MediaTypeHeadersFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5); // after the request id, before anything reads a body
        return registration;
    }

    @Bean
    public FilterRegistrationBean<UnparsablePathFilter> unparsablePathFilter(ProblemResponses problems) {
        FilterRegistrationBean<UnparsablePathFilter> registration = new FilterRegistrationBean<>(
                new UnparsablePathFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4); // after the request id, before anything parses the path
        return registration;
    }

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        // the host is not started yet when contexts are customised, so it still takes another report valve class
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
