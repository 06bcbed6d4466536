package com.authorworks.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The test server trusts proxies at 127.0.0.1 (the default). Requests from there carry Authelia's
 * headers; a request from 127.0.0.2, another loopback address, stands for any untrusted client.
 */
class ForwardAuthIntegrationTests extends IdentityIntegrationTest {

    private Api proxied(String remoteUser, String groups) {
        return api().withHeader("Remote-User", remoteUser)
                .withHeader("Remote-Email", remoteUser + "@homelab.test")
                .withHeader("Remote-Name", "Remote " + remoteUser)
                .withHeader("Remote-Groups", groups);
    }

    @Test
    void headersFromTheTrustedProxySignInAndCreateTheUserOnce() {
        String remote = unique("alice");
        Api.Response first = proxied(remote, "users").get("/api/v1/users/me");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.body().get("email").asString()).isEqualTo(remote + "@homelab.test");
        assertThat(first.body().get("displayName").asString()).isEqualTo("Remote " + remote);
        assertThat(first.body().get("emailVerified").asBoolean()).isTrue();
        assertThat(first.body().get("roles").toString()).contains("READER", "CREATOR").doesNotContain("ADMIN");

        Api.Response again = proxied(remote, "users").get("/api/v1/users/me");
        assertThat(again.body().get("id")).isEqualTo(first.body().get("id"));
    }

    @Test
    void theSessionProbeSaysWhetherTheProxySignedTheRequestIn() throws Exception {
        String remote = unique("carol");
        Api.Response proxiedSession = proxied(remote, "users").get("/api/v1/auth/session");
        assertThat(proxiedSession.status()).as(proxiedSession.toString()).isEqualTo(200);
        assertThat(proxiedSession.body().get("signedIn").asBoolean()).isTrue();
        assertThat(proxiedSession.body().get("forwardAuth").asBoolean()).isTrue();

        Api.Response anonymous = api().get("/api/v1/auth/session");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body().get("signedIn").asBoolean()).isFalse();
        assertThat(anonymous.body().get("forwardAuth").asBoolean()).isTrue();

        String forged = rawGetFrom("127.0.0.2", "/api/v1/auth/session", "Remote-User: " + remote,
                "Remote-Email: " + remote + "@homelab.test");
        assertThat(forged).startsWith("HTTP/1.1 200").contains("\"signedIn\":false");
    }

    @Test
    void proxyGroupsMapToRolesAndFollowChanges() {
        String remote = unique("bob");
        Api.Response admin = proxied(remote, "users, admins").get("/api/v1/users/me");
        assertThat(admin.body().get("roles").toString()).contains("ADMIN");
        assertThat(proxied(remote, "users, admins").get("/api/v1/users").status()).isEqualTo(200);

        Api.Response demoted = proxied(remote, "industry").get("/api/v1/users/me");
        assertThat(demoted.body().get("roles").toString()).contains("INDUSTRY").doesNotContain("ADMIN");
        assertThat(proxied(remote, "industry").get("/api/v1/users").status()).isEqualTo(403);
    }

    @Test
    void headersFromAnyOtherAddressAreIgnored() throws Exception {
        String remote = unique("mallory");
        String response = rawGetFrom("127.0.0.2", "/api/v1/users/me", "Remote-User: " + remote,
                "Remote-Email: " + remote + "@homelab.test", "Remote-Groups: admins");
        assertThat(response).startsWith("HTTP/1.1 401");
        assertThat(response).contains("authentication-required");
        // and no account was made for the forged name
        String trusted = proxied(remote, "users").get("/api/v1/users/me").body().get("username").asString();
        assertThat(trusted).isEqualTo(remote);
    }

    /** java.net.http cannot choose its source address; a plain socket can. */
    private String rawGetFrom(String source, String path, String... headers) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
