package com.authorworks.platform;

/** What a user may do on the platform; carried in the access token. */
public enum Role {
    READER, CREATOR, INDUSTRY, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
