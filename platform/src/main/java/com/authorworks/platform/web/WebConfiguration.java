package com.authorworks.platform.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.format.FormatterRegistry;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the HTTP edge: turns between connections first, request ids, the body limit, what a trusted proxy
 * forwarded, the input gate, then everything else; Tomcat's own error page as problem details; and the public
 * address links are built from.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@Import({ProblemDetailsAdvice.class, ProblemErrorController.class})
public class WebConfiguration {

    @Bean
    FilterRegistrationBean<InputGate> inputGate() {
        FilterRegistrationBean<InputGate> registration = new FilterRegistrationBean<>(new InputGate());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    WebMvcConfigurer multipartGate() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new MultipartGate());
            }
        };
    }

    /** Typed ids in paths and parameters, for every module (a record of one UUID). */
    @Bean
    WebMvcConfigurer typedIds() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverter(new TypedIdConverter());
            }
        };
    }

    /** What Tomcat refuses before any filter runs (an encoded slash or NUL in the path) answers as a problem. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    FilterRegistrationBean<TakeTurnsFilter> takeTurnsFilter() {
        FilterRegistrationBean<TakeTurnsFilter> registration = new FilterRegistrationBean<>(new TakeTurnsFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    TrustedProxies trustedProxies(Environment environment) {
        return TrustedProxies.from(environment);
    }

    @Bean
    PublicUrl publicUrl(Environment environment) {
        return new PublicUrl(environment);
    }

    @Bean
    FilterRegistrationBean<ProxyHeadersFilter> proxyHeadersFilter(TrustedProxies proxies) {
        FilterRegistrationBean<ProxyHeadersFilter> registration = new FilterRegistrationBean<>(new ProxyHeadersFilter(proxies));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    FilterRegistrationBean<MetricsScrapersFilter> metricsScrapersFilter(Environment environment, TrustedProxies proxies) {
        FilterRegistrationBean<MetricsScrapersFilter> registration =
                new FilterRegistrationBean<>(MetricsScrapersFilter.from(environment, proxies));
        registration.addUrlPatterns("/metrics", "/metrics/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(Environment environment) {
        DataSize max = DataSize.parse(environment.getProperty("authorworks.web.max-body", "1MB"));
        FilterRegistrationBean<BodyLimitFilter> registration =
                new FilterRegistrationBean<>(new BodyLimitFilter(max));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
