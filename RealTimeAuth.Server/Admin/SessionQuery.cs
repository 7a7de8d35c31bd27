namespace RealTimeAuth.Server.Admin;

/// <summary>Filters and paging for the session list.</summary>
public sealed record SessionQuery(string? User, string? Agent, string? Status, string? Issuer, int? Page, int? PageSize)
{
    public const int MaxPageSize = 200;

    public int Skip => Math.Max(0, (Page ?? 0) * Take);

    public int Take => Math.Clamp(PageSize ?? 50, 1, MaxPageSize);
}
