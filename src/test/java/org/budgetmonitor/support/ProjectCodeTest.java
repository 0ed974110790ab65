package org.budgetmonitor.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProjectCodeTest {

    @Test
    void theSpellingsOfOneCodeBecomeOne() {
        String normal = "13091626P000175100046";

        assertThat(ProjectCode.normalise("13091626p000175100046")).isEqualTo(normal);
        assertThat(ProjectCode.normalise("１３０９１６２６Ｐ０００１７５１０００４６")).isEqualTo(normal);
        assertThat(ProjectCode.normalise(" 13091626P000175100046 ")).isEqualTo(normal);
        assertThat(ProjectCode.normalise("13091626P 000175100046")).isEqualTo(normal);
        assertThat(ProjectCode.normalise("13091626P\u3000000175100046\t")).isEqualTo(normal);
        assertThat(ProjectCode.normalise("13091626P\u00A0000175100046")).isEqualTo(normal);
        assertThat(ProjectCode.normalise(normal)).isSameAs(normal);
    }

    @Test
    void anEmptyCodeStaysEmpty() {
        assertThat(ProjectCode.normalise("")).isEmpty();
        assertThat(ProjectCode.normalise("  ")).isEmpty();
        assertThat(ProjectCode.normalise(null)).isNull();
    }

    @Test
    void upperCaseIsLocaleIndependent() {
        // In a Turkish locale "i".toUpperCase() is "İ": codes must not depend on the server's locale.
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
            assertThat(ProjectCode.normalise("p00017610004i")).isEqualTo("P00017610004I");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
