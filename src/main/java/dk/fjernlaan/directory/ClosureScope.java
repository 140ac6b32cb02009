package dk.fjernlaan.directory;

/** What a temporary closing shuts: orders from end users, requests from other libraries, or both. */
public enum ClosureScope {
    END_USERS, ILL, BOTH;

    public boolean closesIll() {
        return this != END_USERS;
    }

    public boolean closesEndUsers() {
        return this != ILL;
    }
}
