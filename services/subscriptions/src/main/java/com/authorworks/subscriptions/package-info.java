/** The subscriptions service: creator tiers, fan subscriptions, tips and the ledger of every money movement. Its published API: the typed ids, the {@code Memberships} contract (a fan's {@code Membership} of a creator) and the events ({@code MembershipStarted}, {@code MembershipPaymentFailed}, {@code TipReceived}). */
package com.authorworks.subscriptions;
