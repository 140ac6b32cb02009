package dk.fjernlaan.iso18626;

/** A message that cannot be taken as it is: confirmed with ERROR and the standard's {@code errorType}; nothing changes. */
final class NotTaken extends RuntimeException {

    static final String UNRECOGNISED_DATA_VALUE = "UnrecognisedDataValue";
    static final String UNSUPPORTED_ACTION_TYPE = "UnsupportedActionType";

    private final String errorType;

    NotTaken(String errorType, String errorValue) {
        super(errorValue);
        this.errorType = errorType;
    }

    static NotTaken value(String errorValue) {
        return new NotTaken(UNRECOGNISED_DATA_VALUE, errorValue);
    }

    String errorType() {
        return errorType;
    }
}
