/** Forward-auth: trusting Remote-User headers from the homelab proxy (Authelia), and only from it. */
package com.authorworks.identity.internal.forwardauth;
