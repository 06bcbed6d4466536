/** The storage service's published API: blobs, stored files and their download links. */
package com.authorworks.storage;
