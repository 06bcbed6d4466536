package com.authorworks.platform.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Makes a kept-alive connection's next request wait its turn behind requests of other connections.
 * Tomcat serves the next request of a keep-alive connection on the same thread when it has already
 * arrived, and a virtual thread is never preempted: under load a few quick clients were served
 * over and over while others waited for over a second (bench/README.md, identity). So on a virtual
 * thread every request after the first of a dispatch yields its carrier before it is served.
 */
final class TakeTurnsFilter implements Filter {

    /** Set on the virtual thread Tomcat started for a dispatch once it has served a request. */
    private static final ThreadLocal<Boolean> SERVED_ONE = new ThreadLocal<>();

    private final Runnable yield;

    TakeTurnsFilter() {
        this(Thread::yield);
    }

    TakeTurnsFilter(Runnable yield) {
        this.yield = yield;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (Thread.currentThread().isVirtual()) {
            if (SERVED_ONE.get() == null) {
                SERVED_ONE.set(Boolean.TRUE);
            } else {
                yield.run();
            }
        }
        chain.doFilter(request, response);
    }
}
