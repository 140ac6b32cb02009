package dk.fjernlaan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The setting that hides Camunda's end-of-life banner: the webapps' user style sheet hides it, nothing else changes. */
class EndOfLifeBannerTest {

    private record Answer(MockHttpServletResponse response, boolean passedOn) {}

    private static Answer get(EndOfLifeBanner filter, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Answer(response, chain.getRequest() != null);
    }

    @Test
    void withTheSettingTheWebappsStyleSheetHidesTheBanner() throws Exception {
        Answer cockpit = get(new EndOfLifeBanner(true), "/camunda/app/cockpit/styles/user-styles.css");
        assertThat(cockpit.response().getContentAsString()).contains(".ce-eol-banner { display: none");
        assertThat(cockpit.response().getContentType()).startsWith("text/css");
        assertThat(cockpit.passedOn()).isFalse();
        assertThat(get(new EndOfLifeBanner(true), "/camunda/app/cockpit/styles/styles.css").passedOn()).isTrue();
    }

    @Test
    void withoutItTheWebappsOwnStyleSheetIsServed() throws Exception {
        Answer tasklist = get(new EndOfLifeBanner(false), "/camunda/app/tasklist/styles/user-styles.css");
        assertThat(tasklist.passedOn()).isTrue();
        assertThat(tasklist.response().getContentAsString()).isEmpty();
    }
}
