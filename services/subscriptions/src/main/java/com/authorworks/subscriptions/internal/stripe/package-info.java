/** Payments through Stripe Connect (when STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set): Express onboarding, Checkout, verified webhooks. */
package com.authorworks.subscriptions.internal.stripe;
