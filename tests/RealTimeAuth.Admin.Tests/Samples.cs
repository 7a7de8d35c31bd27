using RealTimeAuth.Admin.Api.Models;

namespace RealTimeAuth.Admin.Tests;

/// <summary>Admin API payloads as the server sends them.</summary>
internal static class Samples
{
    public static readonly Guid RootId = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public static readonly Guid ChildId = Guid.Parse("22222222-2222-2222-2222-222222222222");

    /// <summary>RFC 7638 thumbprints of the root's and the child's keys.</summary>
    public const string RootKey = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";
    public const string ChildKey = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";

    public static SessionSummary Session(Guid id, Guid? parent, string agent, string status = "Active") => new(
        id, parent, RootId, parent is null ? 0 : 1, "http://idp.test/", "rick", "copilot", agent, agent, parent is null ? "copilot" : "agent",
        ["records:read"], status, 3, DateTimeOffset.Parse("2026-11-28T20:00:00Z"), DateTimeOffset.Parse("2026-11-28T20:01:00Z"),
        status == "Active" ? null : DateTimeOffset.Parse("2026-11-28T20:02:00Z"), status == "Active" ? null : "admin-revoked",
        parent is null ? RootKey : ChildKey, parent is null ? [RootKey] : [RootKey, ChildKey]);

    public static SessionPage Page(params SessionSummary[] sessions) => new(sessions, sessions.Length);

    public static SessionDetail ChildDetail() => new(
        Session(ChildId, RootId, "reader-1"), new Dictionary<string, string>(),
        [Session(RootId, null, "copilot-1"), Session(ChildId, RootId, "reader-1")], [], [Session(RootId, null, "copilot-1"), Session(ChildId, RootId, "reader-1")]);

    public static SessionDetail Detail() => new(
        Session(RootId, null, "copilot-1"), new Dictionary<string, string> { ["user.email"] = "rick@the-citadel.com" },
        [Session(RootId, null, "copilot-1")], [Session(ChildId, RootId, "reader-1")], [Session(RootId, null, "copilot-1"), Session(ChildId, RootId, "reader-1")]);

    public static AdminEvent Event(long sequence, string type = "session.revoked", string? actor = "admin:admin@realtimeauth.dev") => new(
        sequence, type, DateTimeOffset.Parse("2026-11-28T20:02:00Z"), actor, [RootId], "admin-revoked", "compromised", $"1 session revoked by {actor}");

    public static MonitoringStats Stats(int sessions = 4) => new(2, sessions, 3, 4, 12.5, 1, 3, 0.5, 2.1, 9.8);
}
