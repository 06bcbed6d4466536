/** The subscriptions service: creator tiers, fan subscriptions, tips and the ledger of every money movement. Its published API: the typed ids. */
package com.authorworks.subscriptions;
