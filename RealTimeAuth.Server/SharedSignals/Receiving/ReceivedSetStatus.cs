namespace RealTimeAuth.Server.SharedSignals.Receiving;

/// <summary>States of a received SET, and how it arrived.</summary>
public static class ReceivedSetStatus
{
    public const string Pending = "pending";
    public const string Applied = "applied";
    public const string Failed = "failed";

    public const string Push = "push";
    public const string Poll = "poll";
}
