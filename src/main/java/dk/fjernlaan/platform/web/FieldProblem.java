package dk.fjernlaan.platform.web;

/** One entry of a problem answer's {@code errors}: which input field, and what is wrong with it. */
public record FieldProblem(String field, String message) {}
