/** The {@code Memberships} contract: who is a member of whom, at which tier, for other services' access decisions. */
package com.authorworks.subscriptions.internal.memberships;
