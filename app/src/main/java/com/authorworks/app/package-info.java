/** The executable's own parts that belong to no service. */
package com.authorworks.app;
