package com.authorworks;

import com.authorworks.app.PreparedContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.modulith.Modulithic;

/**
 * The platform server. Services are not component-scanned: each registers itself through its
 * auto-configuration, guarded by {@code AUTHORWORKS_SERVICES}, so the same jar runs every service
 * or only some.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Modulithic(systemName = "AuthorWorks", sharedModules = "platform")
public class AuthorWorksApplication {

    public static void serve(String[] args) {
        SpringApplication application = new SpringApplication(AuthorWorksApplication.class);
        application.addListeners(new PreparedContext(), new com.authorworks.app.ReadyAddress());
        application.run(args);
    }
}
