/** The subscriptions service: creator tiers, fan subscriptions, tips and the ledger of every money movement. Its published API: the typed ids and the {@code Memberships} contract (a fan's {@code Membership} of a creator). */
package com.authorworks.subscriptions;
