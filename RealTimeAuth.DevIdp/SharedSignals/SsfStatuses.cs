namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>Stream statuses (SSF 1.0 §8.1.2) and outbox states.</summary>
internal static class SsfStatuses
{
    public const string Enabled = "enabled";
    public const string Paused = "paused";
    public const string Disabled = "disabled";

    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    public static bool IsStreamStatus(string? value) => value is Enabled or Paused or Disabled;
}
