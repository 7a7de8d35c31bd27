namespace RealTimeAuth.Server.SharedSignals.Streams;

/// <summary>Stream status values (SSF 1.0 §8.1.2) and where a stream came from.</summary>
public static class SsfStreamStatus
{
    public const string Enabled = "enabled";
    public const string Paused = "paused";
    public const string Disabled = "disabled";

    public const string FromConfiguration = "configuration";
    public const string FromApi = "api";

    public static bool IsValid(string? status) => status is Enabled or Paused or Disabled;
}
