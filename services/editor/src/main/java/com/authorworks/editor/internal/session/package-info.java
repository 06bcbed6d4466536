/** Starting or joining a collaboration session: signed tickets for the socket, the participants. */
package com.authorworks.editor.internal.session;
