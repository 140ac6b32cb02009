package dk.fjernlaan.platform.refusal;

import java.util.List;

import dk.fjernlaan.platform.texts.Text;

/** The request does not fit the state of what it acts on, e.g. a message to a closed order (HTTP 409). */
public final class NotInState extends Refusal {

    private final String currentStatus;

    public NotInState(String currentStatus, String key, Object... args) {
        super(Text.of(key, args), List.of());
        this.currentStatus = currentStatus;
    }

    /** The status the thing is in now, when it has one. */
    public String currentStatus() {
        return currentStatus;
    }
}
