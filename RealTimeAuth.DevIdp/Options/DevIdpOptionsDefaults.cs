using Microsoft.Extensions.Options;

namespace RealTimeAuth.DevIdp.Options;

/// <summary>Fills the file locations left empty in configuration with their documented defaults.</summary>
internal sealed class DevIdpOptionsDefaults : IPostConfigureOptions<DevIdpOptions>
{
    public void PostConfigure(string? name, DevIdpOptions options)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "realtimeauth-devidp");

        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            options.DatabasePath = Path.Combine(scratch, "devidp.db");
        }

        if (string.IsNullOrWhiteSpace(options.KeyDirectory))
        {
            // ~/.local/share on Linux, %LOCALAPPDATA% on Windows: survives reboots, unlike /tmp.
            var appData = Environment.GetFolderPath(
                Environment.SpecialFolder.LocalApplicationData,
                Environment.SpecialFolderOption.DoNotVerify);
            options.KeyDirectory = string.IsNullOrEmpty(appData)
                ? Path.Combine(scratch, "keys")
                : Path.Combine(appData, "RealTimeAuth", "devidp-keys");
        }
    }
}
