/**
 * The librarians' workbench at {@code /arbejdsbord/}: server-rendered Danish staff pages (Thymeleaf, with htmx for
 * the small live parts) over the same use cases as the API, logged in with the same users and rights. A staff
 * mistake is a message next to the field, never an error page.
 */
package dk.fjernlaan.workbench;
