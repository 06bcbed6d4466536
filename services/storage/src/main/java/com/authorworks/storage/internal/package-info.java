/** Wiring and settings of the storage service. */
package com.authorworks.storage.internal;
