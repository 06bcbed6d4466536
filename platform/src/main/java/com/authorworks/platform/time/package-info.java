/** Clocks a service decides by, which its tests move forward instead of waiting. */
package com.authorworks.platform.time;
