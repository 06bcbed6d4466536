package com.authorworks.editor.internal.sync;

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

import jakarta.websocket.server.ServerContainer;

/**
 * {@code /ws/editor/{documentId}} on Tomcat's WebSocket container (JSR 356), started here as messaging
 * starts it (Boot's WebSocket auto-configuration is not served for 4.1.1). The container is started
 * once per process, whichever service asks first. Browsers may open the socket from this origin and
 * from {@code ALLOWED_ORIGINS}; the ticket is what lets a socket in.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class EditorWebSocketConfiguration implements WebSocketConfigurer {

    private final EditorSocket socket;
    private final Environment environment;

    EditorWebSocketConfiguration(EditorSocket socket, Environment environment) {
        this.socket = socket;
        this.environment = environment;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        String[] origins = Arrays.stream(environment.getProperty("authorworks.allowed-origins", "").split(","))
                .map(String::trim).filter(origin -> !origin.isEmpty()).toArray(String[]::new);
        registry.addHandler(socket, "/ws/editor/*").setAllowedOriginPatterns(origins);
    }

    @Bean
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> editorWebSocketContainer() {
        return factory -> factory.addContextCustomizers(context -> context.addServletContainerInitializer((classes, servletContext) -> {
            if (servletContext.getAttribute(ServerContainer.class.getName()) == null) {
                new WsSci().onStartup(classes, servletContext);
            }
        }, null));
    }
}
