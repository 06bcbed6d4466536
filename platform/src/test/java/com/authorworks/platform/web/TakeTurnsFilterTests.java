package com.authorworks.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TakeTurnsFilterTests {

    private final AtomicInteger yields = new AtomicInteger();
    private final TakeTurnsFilter filter = new TakeTurnsFilter(yields::incrementAndGet);

    /** Serves {@code requests} requests one after another on this thread, as Tomcat does on a kept-alive connection. */
    private List<Integer> serve(int requests) throws Exception {
        List<Integer> yieldsBeforeEach = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/users/me"), new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as("the request went on down the chain").isNotNull();
            yieldsBeforeEach.add(yields.get());
        }
        return yieldsBeforeEach;
    }

    private List<Integer> onNewVirtualThread(int requests) throws Exception {
        List<List<Integer>> result = new ArrayList<>();
        Thread thread = Thread.ofVirtual().start(() -> {
            try {
                result.add(serve(requests));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.join();
        return result.getFirst();
    }

    @Test
    void laterRequestsOfOneDispatchYieldFirst() throws Exception {
        assertThat(onNewVirtualThread(3)).containsExactly(0, 1, 2);
    }

    @Test
    void eachDispatchServesItsFirstRequestAtOnce() throws Exception {
        onNewVirtualThread(2);
        assertThat(onNewVirtualThread(2)).containsExactly(1, 2);
    }

    @Test
    void platformThreadsAreLeftToTheOperatingSystem() throws Exception {
        assertThat(serve(3)).containsExactly(0, 0, 0);
    }
}
