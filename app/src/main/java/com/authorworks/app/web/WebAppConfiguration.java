package com.authorworks.app.web;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

import com.authorworks.platform.services.ConditionalOnService;

/**
 * The web app (module {@code web}, packaged under {@code classpath:/static/}) owns every path the
 * API, health and docs do not. A hard refresh on an app route such as {@code /books/42} gets
 * {@code index.html}; a missing asset or an unknown {@code /api/**} path stays a 404 problem.
 */
@AutoConfiguration
@ConditionalOnService("web")
public class WebAppConfiguration implements WebMvcConfigurer {

    private static final String STATIC = "classpath:/static/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // file names carry a content hash: a changed file is a new name
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(STATIC + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        // index.html must be revalidated so a deployment reaches browsers at once
        registry.addResourceHandler("/**")
                .addResourceLocations(STATIC)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(false)
                .addResolver(new AppRouteResolver());
    }

    /** Serves the file when there is one, else index.html for a page the app itself draws. */
    static final class AppRouteResolver extends PathResourceResolver {

        private final Resource index = new ClassPathResource("static/index.html");

        @Override
        protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
                List<? extends Resource> locations, ResourceResolverChain chain) {
            Resource found = super.resolveResourceInternal(request, requestPath, locations, chain);
            if (found != null || request == null || !isAppRoute(request, requestPath)) {
                return found;
            }
            return index.exists() ? index : null;
        }

        private static boolean isAppRoute(HttpServletRequest request, String path) {
            if (path.startsWith("api/") || path.equals("api") || path.startsWith("assets/")) {
                return false;
            }
            // a browser navigating asks for text/html; scripts, images and API clients do not
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            try {
                return accept != null && MediaType.parseMediaTypes(accept).stream()
                        .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
            } catch (InvalidMediaTypeException e) {
                return false;
            }
        }
    }
}
