package com.authorworks.messaging.internal;

import java.util.Arrays;

import org.apache.tomcat.websocket.server.WsSci;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

import jakarta.websocket.server.ServerContainer;

/**
 * {@code /ws} on Tomcat's own WebSocket container (JSR 356). Spring Boot's WebSocket auto-configuration
 * is not on the reachable Maven Central for Boot 4.1.1, so the container is started here as it would
 * have started it. Browsers may open the socket from this origin and from {@code ALLOWED_ORIGINS};
 * the token in the first message is what lets a socket read anything.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {

    /** A client's frames are small (auth, ping): 16 KB is plenty, and a flood of large ones costs nothing. */
    static final int MAX_MESSAGE = 16 * 1024;

    private final NotificationSocket socket;
    private final Environment environment;

    WebSocketConfiguration(NotificationSocket socket, Environment environment) {
        this.socket = socket;
        this.environment = environment;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        String[] origins = Arrays.stream(environment.getProperty("authorworks.allowed-origins", "").split(","))
                .map(String::trim).filter(origin -> !origin.isEmpty()).toArray(String[]::new);
        registry.addHandler(socket, "/ws").setAllowedOriginPatterns(origins);
    }

    @Bean
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> messagingWebSocketContainer() {
        // once per process: the editor service starts the same container when it runs here too
        return factory -> factory.addContextCustomizers(context -> context.addServletContainerInitializer((classes, servletContext) -> {
            if (servletContext.getAttribute(ServerContainer.class.getName()) == null) {
                new WsSci().onStartup(classes, servletContext);
            }
        }, null));
    }

    @Bean
    ServletServerContainerFactoryBean messagingWebSocketLimits() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(MAX_MESSAGE);
        container.setMaxBinaryMessageBufferSize(MAX_MESSAGE);
        container.setMaxSessionIdleTimeout(10 * 60 * 1000L);
        return container;
    }
}
