package dk.fjernlaan.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dk.fjernlaan.platform.FjernlaanSettings;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic on {@code /api/**} checks the engine's identity users; their groups become authorities. A
 * successful check is remembered for a short while ({@code fjernlaan.security.credential-cache}, default 60 s),
 * so that systems sending many requests do not cost a password check and a group query each; a changed
 * password or group membership takes effect within that time. Failed checks are never remembered.
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

    private record Checked(byte[] fingerprint, List<SimpleGrantedAuthority> authorities, long until) {}

    private final IdentityService identityService;
    private final long cacheNanos;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[16];

    IdentityAuthenticationProvider(IdentityService identityService,
                                   FjernlaanSettings settings) {
        this.identityService = identityService;
        this.cacheNanos = settings.security().credentialCache().toNanos();
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || credentials == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        byte[] fingerprint = fingerprint(user, credentials.toString());
        Checked earlier = checked.get(user);
        if (earlier != null && earlier.until() > System.nanoTime() && MessageDigest.isEqual(earlier.fingerprint(), fingerprint)) {
            return UsernamePasswordAuthenticationToken.authenticated(user, null, earlier.authorities());
        }
        if (!identityService.checkPassword(user, credentials.toString())) {
            checked.remove(user);
            throw new BadCredentialsException("Bad credentials");
        }
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .map(id -> new SimpleGrantedAuthority(Actor.GROUP_PREFIX + id))
            .toList();
        if (cacheNanos > 0) {
            if (checked.size() > 10_000) {
                checked.clear();
            }
            checked.put(user, new Checked(fingerprint, authorities, System.nanoTime() + cacheNanos));
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    private byte[] fingerprint(String user, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(user.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return digest.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
