namespace RealTimeAuth.Server.Events;

/// <summary>Why an announcement read from Redis was dropped (stable codes, the <c>reason</c> tag of the counter).</summary>
public static class AnnouncementRejections
{
    /// <summary>Not an announcement of this version: too short, wrong marker, or a body that is not a list of entries.</summary>
    public const string Malformed = "malformed";

    /// <summary>Its MAC is not the cluster key's MAC of its body: forged, altered, or from another cluster.</summary>
    public const string BadMac = "bad-mac";

    /// <summary>Authentic, but its entries are not in strictly increasing sequence order.</summary>
    public const string OutOfOrder = "out-of-order";
}
