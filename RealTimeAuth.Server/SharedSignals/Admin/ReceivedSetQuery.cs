using System.ComponentModel.DataAnnotations;

namespace RealTimeAuth.Server.SharedSignals.Admin;

/// <summary>Filters and paging of <c>GET /admin/v1/ssf/events</c>.</summary>
public sealed record ReceivedSetQuery
{
    public Guid? Stream { get; init; }

    /// <summary><c>pending</c>, <c>applied</c> or <c>failed</c>.</summary>
    public string? Status { get; init; }

    /// <summary>The event type, or its last path segment (<c>session-revoked</c>).</summary>
    public string? Type { get; init; }

    public string? Jti { get; init; }

    [Range(0, int.MaxValue)]
    public int Skip { get; init; }

    [Range(1, 500)]
    public int Take { get; init; } = 50;
}
