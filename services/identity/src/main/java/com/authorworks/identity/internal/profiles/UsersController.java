package com.authorworks.identity.internal.profiles;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Page;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.Problem;
import com.authorworks.platform.Role;
import com.authorworks.platform.UserId;

/** Users, their profiles and follows. */
@RestController
@RequestMapping("/api/v1/users")
class UsersController {

    record ProfilePatch(
            @Size(max = 80) String displayName,
            @Size(max = 2000) String bio,
            @Size(max = 2048) String avatarUrl,
            @Size(max = Profiles.MAX_LINKS) List<@Size(max = 2048) String> links,
            @Size(max = 10) Map<String, Object> preferences,
            Set<Role> roles) {
    }

    private final Profiles profiles;
    private final Follows follows;

    UsersController(Profiles profiles, Follows follows) {
        this.profiles = profiles;
        this.follows = follows;
    }

    @GetMapping
    Page<UserView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        if (!CurrentUser.require().isAdmin()) {
            throw Problem.forbidden("admin-only", "Only an admin can list every user.");
        }
        return profiles.list(new PageRequest(page, size));
    }

    @GetMapping("/me")
    UserView me() {
        CurrentUser me = CurrentUser.require();
        return profiles.view(me.id(), java.util.Optional.of(me));
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable UserId id) {
        return profiles.view(id, CurrentUser.find());
    }

    @PatchMapping("/{id}")
    UserView update(@PathVariable UserId id, @Valid @RequestBody ProfilePatch patch) {
        return profiles.update(id, new Profiles.ProfileChanges(patch.displayName(), patch.bio(),
                patch.avatarUrl(), patch.links(), patch.preferences(), patch.roles()), CurrentUser.require());
    }

    @PutMapping("/{id}/follow")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void follow(@PathVariable UserId id) {
        follows.follow(CurrentUser.require().id(), id);
    }

    @DeleteMapping("/{id}/follow")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unfollow(@PathVariable UserId id) {
        follows.unfollow(CurrentUser.require().id(), id);
    }

    @GetMapping("/{id}/followers")
    Page<UserView> followers(@PathVariable UserId id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return follows.followers(id, new PageRequest(page, size));
    }

    @GetMapping("/{id}/following")
    Page<UserView> following(@PathVariable UserId id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return follows.following(id, new PageRequest(page, size));
    }
}
