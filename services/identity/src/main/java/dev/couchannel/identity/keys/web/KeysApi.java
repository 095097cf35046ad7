package dev.couchannel.identity.keys.web;

import dev.couchannel.identity.keys.application.KeyRing;
import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/admin/keys/rotate}: a new signing key now (e.g. after a suspected leak). */
@RestController
class KeysApi {

    private final KeyRing keys;

    KeysApi(KeyRing keys) {
        this.keys = keys;
    }

    record Rotation(String activeKid, List<String> retired) {}

    @PostMapping("/api/admin/keys/rotate")
    Rotation rotate(Principal admin) {
        String active = keys.rotate(admin.getName());
        return new Rotation(active, keys.retireExpired());
    }
}
