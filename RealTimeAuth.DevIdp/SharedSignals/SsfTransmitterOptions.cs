using System.ComponentModel.DataAnnotations;

namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>The dev IdP's Shared Signals transmitter (<c>DevIdp:SharedSignals</c>).</summary>
public sealed class SsfTransmitterOptions
{
    public const string SectionName = "DevIdp:SharedSignals";

    /// <summary>PEM file with the P-256 key that signs SETs (ES256). When empty, one is generated into <c>DevIdp:KeyDirectory</c>.</summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>Attempts of one push before the SET is marked failed.</summary>
    [Range(1, 50)]
    public int PushMaxAttempts { get; set; } = 10;

    /// <summary>Wait after the first failed push; doubled after each further failure up to <see cref="PushMaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PushInitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PushMaxBackoff { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Time allowed for one push request.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan PushTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Undelivered SETs kept per stream; beyond it the oldest are dropped (a bounded queue).</summary>
    [Range(10, 1_000_000)]
    public int MaxQueuedPerStream { get; set; } = 10_000;

    /// <summary>Longest a long poll (RFC 8936 <c>returnImmediately: false</c>) is held open.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxPollWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Whether the trigger API (<c>/ssf/v1/triggers</c>) is mapped. Only ever honoured in Development.</summary>
    public bool EnableTriggers { get; set; } = true;
}
