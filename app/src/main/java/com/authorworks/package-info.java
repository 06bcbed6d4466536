/** AuthorWorks: the executable that runs the platform's services and its command line. */
package com.authorworks;
