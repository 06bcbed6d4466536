/** What the subscriptions service shares inside itself: its settings and the clock its billing runs on. */
package com.authorworks.subscriptions.internal;
