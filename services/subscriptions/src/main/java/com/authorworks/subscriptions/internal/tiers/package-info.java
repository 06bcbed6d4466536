/** Creator tiers: what fans can join, at what price, with which benefits; edited by the creator only. */
package com.authorworks.subscriptions.internal.tiers;
