package com.authorworks.identity.internal.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.web.TrustedProxies;

/** Changing the password needs the current one, and signs out every session. */
@RestController
class PasswordController {

    record ChangePasswordRequest(@NotBlank @Size(max = AuthController.PASSWORD_MAX) String currentPassword,
            @NotBlank @Size(min = AuthController.PASSWORD_MIN, max = AuthController.PASSWORD_MAX) String newPassword) {
        @Override
        public String toString() {
            return "ChangePasswordRequest";
        }
    }

    private final Accounts accounts;
    private final TrustedProxies proxies;

    PasswordController(Accounts accounts, TrustedProxies proxies) {
        this.accounts = accounts;
        this.proxies = proxies;
    }

    @PostMapping("/api/v1/users/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void change(@Valid @RequestBody ChangePasswordRequest request, HttpServletRequest http) {
        accounts.changePassword(CurrentUser.require().id(), request.currentPassword(), request.newPassword(),
                proxies.clientAddress(http));
    }
}
