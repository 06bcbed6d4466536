package com.authorworks.identity.internal.forwardauth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Service;

import com.authorworks.identity.ForwardAuthHeaders;
import com.authorworks.identity.ForwardAuthSignIns;
import com.authorworks.identity.ForwardAuthUser;
import com.authorworks.identity.internal.IdentitySettings;
import com.authorworks.identity.internal.accounts.Account;
import com.authorworks.identity.internal.accounts.Accounts;
import com.authorworks.platform.Role;

/** Forward-auth sign-ins in identity's own process: the proxy's groups mapped to roles here, in one place. */
@Service
@Primary // the bean to use in this process; ForwardAuthEndpoint serves the same contract to other processes
class LocalForwardAuthSignIns implements ForwardAuthSignIns {

    private final Accounts accounts;
    private final IdentitySettings settings;

    LocalForwardAuthSignIns(Accounts accounts, IdentitySettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @Override
    public ForwardAuthUser signIn(ForwardAuthHeaders headers) {
        Account account = accounts.signInRemote(headers.remoteUser(), headers.email(), headers.name(), roles(headers.groups()));
        return new ForwardAuthUser(account.id(), Set.copyOf(account.roles()));
    }

    private Set<Role> roles(String groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (groups != null) {
            Arrays.stream(groups.split(",")).map(String::trim).map(settings.groupRoles()::get)
                    .filter(Objects::nonNull).forEach(roles::add);
        }
        return roles;
    }
}
