/** HTTP edge: problem details for every error, request ids, body limits, CORS and security headers. */
package com.authorworks.platform.web;
