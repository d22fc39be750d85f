package dev.offboarding.tenant;

/**
 * A phone or tablet that syncs the mailbox with Exchange ActiveSync or Outlook mobile ({@code Get-MobileDevice}).
 *
 * @param identity the device's identity for {@code Remove-MobileDevice}
 * @param name     what a person recognises: the friendly name or the model
 */
public record MobileDevice(String identity, String name) {
}
