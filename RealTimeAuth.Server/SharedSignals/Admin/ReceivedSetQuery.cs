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

    /// <summary>Rows to skip, newest first; 0 when absent. Optional: a non-nullable number would make it required.</summary>
    public int? Skip { get; init; }

    /// <summary>Rows to return, 1 to 500; 50 when absent.</summary>
    public int? Take { get; init; }
}
