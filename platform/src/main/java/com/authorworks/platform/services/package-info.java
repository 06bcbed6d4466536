/** Which services this process runs (AUTHORWORKS_SERVICES). */
package com.authorworks.platform.services;
