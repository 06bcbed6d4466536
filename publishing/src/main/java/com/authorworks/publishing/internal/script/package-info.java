/** Scripts: the Fountain parser and the Fountain and Final Draft (FDX) writers. */
package com.authorworks.publishing.internal.script;
