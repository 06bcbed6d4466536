package com.authorworks.identity.internal.profiles;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Page;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.UserId;

/** The signed-in user's blocks: whom they blocked, block, unblock. */
@RestController
@RequestMapping("/api/v1/users/me/blocks")
class BlocksController {

    private final Blocks blocks;

    BlocksController(Blocks blocks) {
        this.blocks = blocks;
    }

    @GetMapping
    Page<UserView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return blocks.listing(CurrentUser.require().id(), new PageRequest(page, size));
    }

    @PutMapping("/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void block(@PathVariable UserId userId) {
        blocks.block(CurrentUser.require().id(), userId);
    }

    @DeleteMapping("/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unblock(@PathVariable UserId userId) {
        blocks.unblock(CurrentUser.require().id(), userId);
    }
}
