package dk.fjernlaan.platform.refusal;

import java.util.List;

import dk.fjernlaan.platform.texts.Text;

/** The caller may not do this (HTTP 403). */
public final class NotAllowed extends Refusal {

    public NotAllowed(String key, Object... args) {
        super(Text.of(key, args), List.of());
    }
}
