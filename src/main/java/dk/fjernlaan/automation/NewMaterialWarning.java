package dk.fjernlaan.automation;

import dk.fjernlaan.platform.texts.Text;

/** A warning to staff who order brand-new material as ILL ({@code NEW_MATERIAL}, {@code NEWER_THAN_OWN_RULE}). */
public record NewMaterialWarning(String code, Text message) {
}
