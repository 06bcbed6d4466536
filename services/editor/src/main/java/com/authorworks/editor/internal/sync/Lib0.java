package com.authorworks.editor.internal.sync;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** lib0's binary encoding, the part the y-websocket messages use: unsigned LEB128 integers, length-prefixed bytes and strings. */
final class Lib0 {

    private Lib0() {
    }

    /** Thrown for a message that ends early or whose numbers do not fit. */
    static final class MalformedException extends RuntimeException {
        MalformedException(String message) {
            super(message);
        }
    }

    static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        long varUint() {
            long value = 0;
            int shift = 0;
            while (true) {
                if (position >= bytes.length) {
                    throw new MalformedException("message ends inside a number");
                }
                int b = bytes[position++] & 0xff;
                value |= (long) (b & 0x7f) << shift;
                if (b < 0x80) {
                    return value;
                }
                shift += 7;
                if (shift > 53) {
                    throw new MalformedException("number too large");
                }
            }
        }

        int varUintInt() {
            long value = varUint();
            if (value > Integer.MAX_VALUE) {
                throw new MalformedException("length too large");
            }
            return (int) value;
        }

        byte[] varBytes() {
            int length = varUintInt();
            if (length > bytes.length - position) {
                throw new MalformedException("message ends inside a byte array");
            }
            byte[] out = new byte[length];
            System.arraycopy(bytes, position, out, 0, length);
            position += length;
            return out;
        }

        String varString() {
            return new String(varBytes(), StandardCharsets.UTF_8);
        }

        boolean hasMore() {
            return position < bytes.length;
        }
    }

    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer varUint(long value) {
            while (value > 0x7f) {
                out.write((int) (value & 0x7f) | 0x80);
                value >>>= 7;
            }
            out.write((int) value);
            return this;
        }

        Writer varBytes(byte[] bytes) {
            varUint(bytes.length);
            out.writeBytes(bytes);
            return this;
        }

        Writer varString(String value) {
            return varBytes(value.getBytes(StandardCharsets.UTF_8));
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
