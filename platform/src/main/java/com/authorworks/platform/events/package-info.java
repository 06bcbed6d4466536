/** Domain events through Spring Modulith's event publication registry (the outbox in PostgreSQL), and their resubmission. */
package com.authorworks.platform.events;
