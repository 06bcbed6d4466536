/** Serves the browser app: hashed assets cached for good, every app route answered with its index.html. */
package com.authorworks.app.web;
