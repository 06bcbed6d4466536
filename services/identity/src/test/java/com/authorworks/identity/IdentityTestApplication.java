package com.authorworks.identity;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The platform as the app assembles it, without the app module: auto-configuration only. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class IdentityTestApplication {
}
