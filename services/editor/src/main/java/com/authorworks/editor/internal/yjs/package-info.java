/** The real yjs in the JVM: GraalJS running the npm bundle, one shared engine started on first use. */
package com.authorworks.editor.internal.yjs;
