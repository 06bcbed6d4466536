package com.authorworks.messaging;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** Messaging with identity (real accounts, real tokens, real mail), content and storage. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class MessagingWithIdentityTestApplication {
}
