/** The deployment files, checked against the real tools that read them (nginx). */
package com.authorworks.app.deploy;
