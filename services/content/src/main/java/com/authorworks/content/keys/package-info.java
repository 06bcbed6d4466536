/** The providers a book can be written with, and users' own keys for them (BYOK), encrypted at rest. */
package com.authorworks.content.keys;
