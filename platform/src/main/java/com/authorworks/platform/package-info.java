/** The shared kernel every service builds on: typed ids, problems, paging and the current user. */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package com.authorworks.platform;

import org.springframework.modulith.ApplicationModule;
